using System.Globalization;
using System.Text.Json;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>
/// Follows an inbound payload from the inbox to its record outcome, so a person who sent a form can see what happened
/// to it: the flows reading the inbox's system and object, and the latest real (not dry) run that handled the record.
/// </summary>
public sealed class InboxRecordTrail(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published)
{
    /// <summary>The payload's outcome so far; null when there is no inbox item with this id.</summary>
    public async Task<InboxRecordOutcome?> FindAsync(long inboxId, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewRuns);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.InboxItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == inboxId, cancellationToken);
        if (item is null)
        {
            return null;
        }
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var system = configuration.Systems.Find(s => string.Equals(s.Key, item.SystemKey, StringComparison.OrdinalIgnoreCase));
        var obj = configuration.Objects.Find(o => string.Equals(o.Key, item.ObjectKey, StringComparison.OrdinalIgnoreCase));
        var flows = configuration.Flows.Where(f => f.SourceSystemId == system?.Id && f.ObjectId == obj?.Id).ToList();
        var sourceId = SourceId(item.Id, item.PayloadJson, system?.Settings.GetValueOrDefault($"{item.ObjectKey}.key"));
        var flowIds = flows.Select(f => f.Id).ToList();
        var received = item.ReceivedUtc;
        // Runs still going when it arrived or started since: only they can have read it (the index on run and source id answers each).
        var runs = db.SyncRuns.Where(r => flowIds.Contains(r.FlowId) && !r.DryRun && (r.FinishedUtc == null || r.FinishedUtc >= received)).Select(r => r.Id);
        var outcome = flowIds.Count == 0 ? null
            : await db.RecordOutcomes.AsNoTracking().Where(o => o.SourceId == sourceId && runs.Contains(o.RunId))
                .OrderByDescending(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        var flowName = outcome is null ? flows.FirstOrDefault()?.Name
            : await db.SyncRuns.Where(r => r.Id == outcome.RunId).Select(r => r.FlowName).FirstOrDefaultAsync(cancellationToken);
        return new InboxRecordOutcome(item.Id, system?.Name ?? item.SystemKey, sourceId, flowName, received, outcome);
    }

    /// <summary>As the webhook connector reads it: the payload's key field when the system names one, else the inbox id.</summary>
    private static string SourceId(long inboxId, string payloadJson, string? keyField)
    {
        if (keyField is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(payloadJson);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && Systems.Connectors.JsonFields.Read(document.RootElement).GetValueOrDefault(keyField) is { Length: > 0 } value)
                {
                    return value;
                }
            }
            catch (JsonException)
            {
                // Read as the connector reads an unreadable payload: by its inbox id.
            }
        }
        return inboxId.ToString(CultureInfo.InvariantCulture);
    }
}
