namespace CrmGovernance.Web.Features.Configuration;

/// <summary>
/// A column a later feature adds to the Flows list (<c>FlowsPage</c>) without the page naming it: Incidents adds each flow's
/// health. Registered in the portal's UI setup (Hosting/UiSetup); the page loads every column once per view.
/// </summary>
public interface IFlowListColumn
{
    string Header { get; }

    /// <summary>A chip per published flow, for what the current user may see (none when they may see nothing of it).</summary>
    Task<IReadOnlyDictionary<Guid, FlowListChip>> LoadAsync(CancellationToken cancellationToken = default);
}
