using System.Globalization;
using System.Text.Json;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Systems.Connectors.Webhook;

/// <summary>
/// Payloads the portal's inbound endpoint stored in its inbox for this system, read in arrival order; the cursor is
/// the last inbox id. A source only: the portal cannot push anything back through a webhook.
/// </summary>
internal sealed class WebhookConnector(ConnectorSettings settings, IServiceScopeFactory scopes) : ISyncConnector
{
    public async Task<ChangePage> ReadChangesAsync(string objectKey, string? cursor, int max, CancellationToken cancellationToken)
    {
        var after = cursor is null ? 0
            : long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
            : throw new InvalidOperationException($"The cursor '{cursor}' is not an inbox id; reset the flow's cursor.");
        var systemKey = settings.SystemKey;
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        var items = await db.InboxItems.AsNoTracking()
            .Where(i => i.SystemKey == systemKey && i.ObjectKey == objectKey && i.Id > after)
            .OrderBy(i => i.Id)
            .Take(max)
            .Select(i => new { i.Id, i.PayloadJson, i.ReceivedUtc })
            .ToListAsync(cancellationToken);
        var key = settings.ForObject(objectKey, "key");
        var records = items.Select(i =>
        {
            var fields = Fields(i.PayloadJson);
            var recordId = key is not null && fields.GetValueOrDefault(key) is { Length: > 0 } value ? value : i.Id.ToString(CultureInfo.InvariantCulture);
            return new ConnectorRecord(recordId, fields, i.ReceivedUtc, i.Id);
        }).ToList();
        return new ChangePage(records, items.Count == 0 ? cursor : items[^1].Id.ToString(CultureInfo.InvariantCulture));
    }

    public Task<IReadOnlyList<ConnectorRecord>> LookupAsync(string objectKey, string? field, IReadOnlyCollection<string> values, CancellationToken cancellationToken) =>
        throw SourceOnly("look records up");

    public Task<IReadOnlyList<WriteResult>> WriteBatchAsync(string objectKey, IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken) =>
        throw SourceOnly("write records");

    public Task<IReadOnlyList<WriteResult>> AppendActivitiesAsync(IReadOnlyList<ActivityWrite> activities, CancellationToken cancellationToken) =>
        throw SourceOnly("append activities");

    public Task<IReadOnlyList<WriteResult>> DeleteBatchAsync(string objectKey, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        throw SourceOnly("delete records");

    public Task<ConnectorHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ConnectorHealth(true, "Reads the portal's inbox; the system posts to the inbound endpoint."));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private NotSupportedException SourceOnly(string what) =>
        new($"The {settings.Describe} is a source only: the portal cannot {what} through a webhook. Choose another system as the flow's target.");

    /// <summary>The payload's fields; a payload that is not a JSON object comes as one field "_payload" so the run can reject it (not stop on it).</summary>
    internal static Dictionary<string, string?> Fields(string payloadJson)
    {
        try
        {
            using var document = JsonDocument.Parse(payloadJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return JsonFields.Read(document.RootElement);
            }
        }
        catch (JsonException)
        {
            // Falls through to the raw payload.
        }
        return new Dictionary<string, string?>(StringComparer.Ordinal) { ["_payload"] = payloadJson };
    }
}
