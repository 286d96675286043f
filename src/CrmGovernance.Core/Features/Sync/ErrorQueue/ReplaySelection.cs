namespace CrmGovernance.Core.Features.Sync.ErrorQueue;

/// <summary>
/// Selected error-queue items sorted for replay: open items by flow (a replay is a run of one flow), and what cannot
/// be replayed: open inbound payloads no flow has read, and items already resolved or discarded.
/// </summary>
public sealed record ReplaySelection(IReadOnlyDictionary<Guid, IReadOnlyList<long>> ByFlow, int WithoutFlow, int NotOpen)
{
    public static ReplaySelection Of(IEnumerable<ErrorQueueRow> rows)
    {
        var list = rows.ToList();
        var open = list.Where(r => r.Status == ErrorStatus.Open).ToList();
        var byFlow = open.Where(r => r.FlowId is not null).GroupBy(r => r.FlowId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(r => r.Id).Order().ToList());
        return new ReplaySelection(byFlow, open.Count(r => r.FlowId is null), list.Count - open.Count);
    }
}
