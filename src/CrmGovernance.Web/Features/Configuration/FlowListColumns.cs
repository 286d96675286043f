namespace CrmGovernance.Web.Features.Configuration;

/// <summary>
/// The columns later features added to the Flows list. One service rather than an injected list, so a page resolved
/// through another container (bUnit's, falling back to the host's) still sees the host's columns.
/// </summary>
public sealed class FlowListColumns(IEnumerable<IFlowListColumn> columns)
{
    public IReadOnlyList<IFlowListColumn> All { get; } = [.. columns];
}
