namespace CrmGovernance.Core.Features.Systems.Connectors;

/// <summary>
/// One connected system as the worker sees it. Object keys are the governed objects' keys ("contact", "order", …);
/// field names are the system's own, as in its field catalog. A system that cannot be reached throws
/// <see cref="SystemUnavailableException"/>; one record the system refuses is reported in its <see cref="WriteResult"/>.
/// </summary>
public interface ISyncConnector : IAsyncDisposable
{
    /// <summary>Records changed after <paramref name="cursor"/> (null: from the beginning), oldest first, at most <paramref name="max"/>.</summary>
    Task<ChangePage> ReadChangesAsync(string objectKey, string? cursor, int max, CancellationToken cancellationToken);

    /// <summary>The records whose <paramref name="field"/> equals one of <paramref name="values"/> (exact, case-sensitive), or whose id does when field is null.</summary>
    Task<IReadOnlyList<ConnectorRecord>> LookupAsync(string objectKey, string? field, IReadOnlyCollection<string> values, CancellationToken cancellationToken);

    /// <summary>Upserts by id: a new record with all its fields, an existing one with the changed fields only. Idempotent: writing the same batch twice leaves one record per id.</summary>
    Task<IReadOnlyList<WriteResult>> WriteBatchAsync(string objectKey, IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken);

    /// <summary>
    /// Appends activities (e.g. a repeated form submission) to existing records; idempotent by activity id: an id the
    /// target holds already is not written again, and its result says <see cref="WriteResult.AlreadyRecorded"/>.
    /// </summary>
    Task<IReadOnlyList<WriteResult>> AppendActivitiesAsync(IReadOnlyList<ActivityWrite> activities, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes records by id (a merge removes the record it merged into another). A record already gone counts as
    /// deleted. A system that cannot delete records throws <see cref="NotSupportedException"/> with a message saying so.
    /// </summary>
    Task<IReadOnlyList<WriteResult>> DeleteBatchAsync(string objectKey, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    Task<ConnectorHealth> CheckHealthAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A record of a system: its id, its fields by name, when it was created there if the system says, and for a webhook
/// source the portal's inbox item it arrived as (so its outcome can be found by the inbox id the sender was given), and
/// when it was last updated there if the system says (an assessment's stale records).
/// </summary>
public sealed record ConnectorRecord(string Id, IReadOnlyDictionary<string, string?> Fields, DateTime? CreatedUtc = null, long? InboxId = null,
    DateTime? UpdatedUtc = null);

/// <summary>A page of changes and the cursor after its last record (unchanged when the page is empty).</summary>
public sealed record ChangePage(IReadOnlyList<ConnectorRecord> Records, string? NextCursor);

/// <summary>A record to create or update; <see cref="Fields"/> holds the values to set (all for a new record, the changed ones otherwise).</summary>
public sealed record RecordWrite(string Id, IReadOnlyDictionary<string, string?> Fields, bool IsNew);

/// <summary>An activity on a record of an object, e.g. a repeated web-form submission logged on the contact.</summary>
public sealed record ActivityWrite(string Id, string ObjectKey, string RecordId, string Kind, DateTime OccurredUtc, string DetailsJson);

/// <summary>Per written record: null <see cref="Error"/> means written; <see cref="AlreadyRecorded"/>: the target held it already (an activity appended by an earlier attempt).</summary>
public sealed record WriteResult(string Id, string? Error, bool AlreadyRecorded = false)
{
    public bool Succeeded => Error is null;
}

public sealed record ConnectorHealth(bool Healthy, string Message);

/// <summary>The system cannot be reached (down, circuit open, timeouts exhausted): the run stops and its cursor stays.</summary>
public sealed class SystemUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
