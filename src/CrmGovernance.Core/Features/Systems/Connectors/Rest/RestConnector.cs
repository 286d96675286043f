using System.Collections.Concurrent;
using System.Text.Json;
using CrmGovernance.Core.Features.Systems.Connectors.Outbound;

namespace CrmGovernance.Core.Features.Systems.Connectors.Rest;

/// <summary>
/// A JSON API: paged GETs of flat objects by updated-since, lookups by query or by id, writes by POST / PATCH (or one
/// POST of an array per batch), activities under the record. Calls go out up to <c>concurrency</c> at a time.
/// </summary>
internal sealed class RestConnector(RestTransport transport, RestSettings settings) : ISyncConnector
{
    /// <summary>The largest page asked for when more than pageSize records share one updated value.</summary>
    private const int MaxPage = 10_000;

    public async Task<ChangePage> ReadChangesAsync(string objectKey, string? cursor, int max, CancellationToken cancellationToken)
    {
        var o = settings.Object(objectKey);
        var (after, afterKey) = ConnectorCursor.Decode(cursor);
        var records = new List<ConnectorRecord>();
        var limit = settings.PageSize;
        while (records.Count < max)
        {
            var limitText = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var query = after is null ? new[] { ("limit", limitText) } : [(settings.UpdatedSinceParameter, after), ("limit", limitText)];
            var items = await GetItemsAsync(settings.Url(o.Path, query), cancellationToken);
            var fresh = items.Select(i => RestRecords.Read(o, i, requireUpdated: true))
                .Where(r => CursorOrder.Compare(r.Updated, r.Record.Id, after, afterKey) > 0)
                .Order(Comparer<(ConnectorRecord Record, string? Updated)>.Create((a, b) => CursorOrder.Compare(a.Updated, a.Record.Id, b.Updated, b.Record.Id)))
                .Take(max - records.Count)
                .ToList();
            foreach (var (record, updated) in fresh)
            {
                records.Add(record);
                (after, afterKey) = (updated, record.Id);
            }
            if (items.Count < limit || records.Count >= max)
            {
                break;
            }
            if (fresh.Count == 0)
            {
                // A full page of records tied on the cursor's updated value: ask for a larger page to get past them.
                limit = limit < MaxPage ? Math.Min(MaxPage, limit * 2) : throw new InvalidOperationException(
                    $"The {settings.Describe} returned {limit} records of {o.Path} without one after the cursor: more than {MaxPage} records share one " +
                    $"'{o.Updated}' value, or the API ignores '{settings.UpdatedSinceParameter}'.");
            }
        }
        return new ChangePage(records, records.Count == 0 ? cursor : ConnectorCursor.Encode(after, afterKey));
    }

    public async Task<IReadOnlyList<ConnectorRecord>> LookupAsync(string objectKey, string? field, IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        var o = settings.Object(objectKey);
        var found = new ConcurrentBag<ConnectorRecord>();
        await ForEachAsync(values.Distinct(StringComparer.Ordinal), async (value, ct) =>
        {
            if (field is null)
            {
                var response = await transport.SendAsync(HttpMethod.Get, settings.Url(o.RecordPath(value)), null, ct);
                if (response.Status != 404)
                {
                    foreach (var item in RestRecords.Items(Require(response, o.Path)))
                    {
                        found.Add(RestRecords.Read(o, item, requireUpdated: false).Record);
                    }
                }
                return;
            }
            var answer = Require(await transport.SendAsync(HttpMethod.Get, settings.Url(o.Path, (field, value)), null, ct), o.Path);
            foreach (var record in RestRecords.Items(answer).Select(i => RestRecords.Read(o, i, requireUpdated: false).Record))
            {
                // The API may match loosely (prefix, case); the contract is an exact match.
                if (record.Fields.TryGetValue(field, out var actual) && actual == value)
                {
                    found.Add(record);
                }
            }
        }, cancellationToken);
        return [.. found];
    }

    public async Task<IReadOnlyList<WriteResult>> WriteBatchAsync(string objectKey, IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken)
    {
        var o = settings.Object(objectKey);
        if (o.Batch && writes.Count > 0)
        {
            var body = RestRecords.Json(w => RestRecords.WriteArray(w, o, writes));
            var response = await transport.SendAsync(HttpMethod.Post, settings.Url(o.Path), body, cancellationToken);
            if (response.Succeeded)
            {
                return writes.Select(w => new WriteResult(w.Id, null)).ToList();
            }
            // Refused as a whole: write one by one to find the records it refuses.
        }
        var errors = new string?[writes.Count];
        await ForEachAsync(Enumerable.Range(0, writes.Count), async (i, ct) => errors[i] = await WriteOneAsync(o, writes[i], ct), cancellationToken);
        return writes.Select((w, i) => new WriteResult(w.Id, errors[i])).ToList();
    }

    public async Task<IReadOnlyList<WriteResult>> AppendActivitiesAsync(IReadOnlyList<ActivityWrite> activities, CancellationToken cancellationToken)
    {
        var errors = new string?[activities.Count];
        var held = new bool[activities.Count];
        await ForEachAsync(Enumerable.Range(0, activities.Count), async (i, ct) =>
        {
            var activity = activities[i];
            var path = settings.Object(activity.ObjectKey).RecordPath(activity.RecordId) + "/activities";
            var response = await transport.SendAsync(HttpMethod.Post, settings.Url(path), RestRecords.Json(w => RestRecords.WriteActivity(w, activity)), ct);
            // 409: the API already has an activity with this id (an earlier attempt of the batch wrote it).
            held[i] = response.Status == 409;
            errors[i] = response.Succeeded || held[i] ? null : response.Describe();
        }, cancellationToken);
        return activities.Select((a, i) => new WriteResult(a.Id, errors[i], held[i])).ToList();
    }

    /// <summary>DELETE {path}/{id} per record; 404 means already gone. An API that does not allow DELETE (405, 501) cannot take merges.</summary>
    public async Task<IReadOnlyList<WriteResult>> DeleteBatchAsync(string objectKey, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var o = settings.Object(objectKey);
        var errors = new string?[ids.Count];
        var refused = 0;
        await ForEachAsync(Enumerable.Range(0, ids.Count), async (i, ct) =>
        {
            if (string.IsNullOrEmpty(ids[i]))
            {
                errors[i] = "The record has no id.";
                return;
            }
            var response = await transport.SendAsync(HttpMethod.Delete, settings.Url(o.RecordPath(ids[i])), null, ct);
            if (response.Status is 405 or 501)
            {
                Interlocked.Increment(ref refused);
            }
            errors[i] = response.Succeeded || response.Status == 404 ? null : response.Describe();
        }, cancellationToken);
        if (refused > 0)
        {
            throw new NotSupportedException($"The {settings.Describe} does not allow deleting records of {o.Path} (DELETE answered HTTP 405 or 501), so it cannot take merges.");
        }
        return ids.Select((id, i) => new WriteResult(id, errors[i])).ToList();
    }

    public async Task<ConnectorHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            var path = settings.HealthPath ?? "/health";
            var response = await transport.SendAsync(HttpMethod.Get, settings.Url(path), null, cancellationToken);
            if (response.Status == 404 && settings.HealthPath is null && settings.FirstObjectPath is { } objectPath)
            {
                path = objectPath;
                response = await transport.SendAsync(HttpMethod.Get, settings.Url(path, ("limit", "1")), null, cancellationToken);
            }
            return new ConnectorHealth(response.Succeeded, $"GET {path}: HTTP {response.Status}.");
        }
        catch (Exception e) when (e is SystemUnavailableException or OutboundRefusedException)
        {
            return new ConnectorHealth(false, e.Message);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>POST a new record (409: it exists, PATCH it); PATCH an existing one (404: it is gone, POST it). Null when written.</summary>
    private async Task<string?> WriteOneAsync(RestObject o, RecordWrite write, CancellationToken cancellationToken)
    {
        var withKey = RestRecords.Json(w => RestRecords.WriteRecord(w, o, write, includeKey: true));
        var changes = RestRecords.Json(w => RestRecords.WriteRecord(w, o, write, includeKey: false));
        var response = write.IsNew
            ? await transport.SendAsync(HttpMethod.Post, settings.Url(o.Path), withKey, cancellationToken)
            : await transport.SendAsync(HttpMethod.Patch, settings.Url(o.RecordPath(write.Id)), changes, cancellationToken);
        if (write.IsNew && response.Status == 409)
        {
            response = await transport.SendAsync(HttpMethod.Patch, settings.Url(o.RecordPath(write.Id)), changes, cancellationToken);
        }
        else if (!write.IsNew && response.Status == 404)
        {
            response = await transport.SendAsync(HttpMethod.Post, settings.Url(o.Path), withKey, cancellationToken);
        }
        return response.Succeeded ? null : response.Describe();
    }

    private async Task<List<JsonElement>> GetItemsAsync(string url, CancellationToken cancellationToken) =>
        RestRecords.Items(Require(await transport.SendAsync(HttpMethod.Get, url, null, cancellationToken), url));

    private RestResponse Require(RestResponse response, string what) => response.Succeeded
        ? response
        : throw new InvalidOperationException($"The {settings.Describe} refused GET {what}: {response.Describe()}");

    private Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken }, body);
}
