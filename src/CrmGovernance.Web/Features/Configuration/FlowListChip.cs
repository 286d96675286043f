using MudBlazor;

namespace CrmGovernance.Web.Features.Configuration;

/// <summary>One cell of an <see cref="IFlowListColumn"/>: a small chip with a tooltip, a link and the attributes tests and styles read.</summary>
public sealed record FlowListChip(string Text, Color Color, string Tooltip, string? Href, IReadOnlyDictionary<string, object> Attributes);
