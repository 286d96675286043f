namespace CrmGovernance.Core.Access;

/// <summary>
/// The one entry point through which any feature records an audit event that is not an entity change (sign-ins,
/// lockouts, runs started, exports): it lives in the access foundation so that every feature can write to the audit
/// trail without depending on the Audit feature, which implements it (and seals the rows into the hash chain).
/// </summary>
public interface IAuditTrail
{
    /// <param name="subjectId">The user or entity the event is about.</param>
    /// <param name="details">Serialised as the row's changes, e.g. <c>new { reason = "..." }</c>.</param>
    /// <param name="actorName">Overrides the scope's actor, e.g. the email someone tried to sign in with.</param>
    /// <param name="changeRequestId">The change request the event is about, so filtering the log by it shows the event.</param>
    Task RecordAsync(string action, string entityType, string? subjectId, object? details = null,
        string? actorId = null, string? actorName = null, Guid? changeRequestId = null, CancellationToken cancellationToken = default);
}
