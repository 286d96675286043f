using System.Collections.Concurrent;
using System.Text.Json;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// Reads a target's own changes (records created or edited directly in it, not by the worker) into the match index,
/// from a cursor stored per system and object; the first read reads everything. A target that cannot list its
/// changes (a webhook, a table without an updated-at column) is skipped, and said so once per process. Singleton.
/// </summary>
public sealed class TargetChangeFeed(IOptions<SyncOptions> options, ILogger<TargetChangeFeed> logger)
{
    private readonly ConcurrentDictionary<(Guid SystemId, string ObjectKey), bool> _unreadable = new();

    /// <summary>
    /// Stores the changes with the cursor after them; with <paramref name="dryRun"/>, hands each changed record (its id
    /// and fields) to it instead and stores nothing.
    /// </summary>
    internal async Task ReadAsync(FlowPlan plan, ISyncConnector target, MatchIndexStore store, Action<string, IReadOnlyDictionary<string, string?>>? dryRun,
        CancellationToken cancellationToken)
    {
        var fields = plan.TargetMatchFields ?? throw new InvalidOperationException("The flow's object has no match rule.");
        var fieldMap = JsonSerializer.Serialize(new SortedDictionary<string, string>(fields.FieldByAttribute.ToDictionary(), StringComparer.Ordinal));
        var cursor = await store.CursorAsync(plan.Target.Id, plan.BusinessObject.Id, fieldMap, cancellationToken);
        while (true)
        {
            ChangePage page;
            try
            {
                page = await target.ReadChangesAsync(plan.BusinessObject.Key, cursor, options.Value.BatchSize, cancellationToken);
            }
            catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
            {
                if (_unreadable.TryAdd((plan.Target.Id, plan.BusinessObject.Key), true))
                {
                    logger.LogInformation("The match index does not read {System}'s own {Object} changes: {Reason} Records created there directly are matched once the worker has written them.",
                        plan.Target.Name, plan.BusinessObject.Key, e.Message);
                }
                return;
            }
            if (page.Records.Count == 0)
            {
                return;
            }
            if (dryRun is not null)
            {
                foreach (var record in page.Records)
                {
                    dryRun(record.Id, record.Fields);
                }
            }
            else
            {
                var records = page.Records.Select(r => fields.ToRecord(r.Id, r.Fields)).ToList();
                await store.ApplyChangesAsync(plan.Target.Id, plan.BusinessObject.Id, records, page.NextCursor, fieldMap, cancellationToken);
            }
            if (page.NextCursor is null || page.NextCursor == cursor)
            {
                return;
            }
            cursor = page.NextCursor;
        }
    }
}
