using CrmGovernance.Core.Features.Incidents;

namespace CrmGovernance.Web.Features.Incidents.Api;

/// <summary>One page of <c>GET /api/incidents</c>; <see cref="Page"/> counts from 1.</summary>
public sealed record IncidentPage(IReadOnlyList<IncidentRow> Items, int Total, int Page, int PageSize);
