using CrmGovernance.Core.Access;

namespace CrmGovernance.Web.Features.Insights;

/// <summary>A link from a number to what makes it, and the capability needed to open it (the link is plain text for those without).</summary>
public sealed record FigureLink(string Href, Capability Needs, string Where);
