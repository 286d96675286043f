using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Hosting.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>
/// Per active flow reading a webhook system: payloads in the inbox after the flow's cursor (the last inbox id its runs
/// recorded), for <c>crmgov.inbox.backlog</c>. One count per such flow on the (system, object, id) index.
/// </summary>
internal sealed class InboxBacklog(DbContextOptions<CrmDbContext> database, PublishedConfiguration published) : IQueueDepthSource
{
    public async Task<IReadOnlyList<QueueDepth>> CountAsync(CancellationToken cancellationToken)
    {
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var webhooks = WebhookSystems.Of(configuration).ToDictionary(s => s.Id);
        var flows = configuration.Flows.Where(f => f.Status == FlowStatus.Active && webhooks.ContainsKey(f.SourceSystemId)).ToList();
        if (flows.Count == 0)
        {
            return [];
        }
        await using var db = new CrmDbContext(database);
        var ids = flows.Select(f => f.Id).ToList();
        var cursors = await db.FlowCursors.AsNoTracking().Where(c => ids.Contains(c.FlowId)).ToDictionaryAsync(c => c.FlowId, c => c.Cursor, cancellationToken);
        var depths = new List<QueueDepth>();
        foreach (var flow in flows)
        {
            if (configuration.FindObject(flow.ObjectId) is not { } obj)
            {
                continue;
            }
            var systemKey = webhooks[flow.SourceSystemId].Key;
            var after = long.TryParse(cursors.GetValueOrDefault(flow.Id), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0;
            var count = await db.InboxItems.LongCountAsync(i => i.SystemKey == systemKey && i.ObjectKey == obj.Key && i.Id > after, cancellationToken);
            depths.Add(new QueueDepth(QueueGauge.InboxBacklog, flow.Name, count));
        }
        return depths;
    }
}
