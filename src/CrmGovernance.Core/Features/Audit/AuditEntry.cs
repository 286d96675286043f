namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// One append-only row of the audit trail. <see cref="Hash"/> is SHA-256 over the row's canonical content
/// and <see cref="PreviousHash"/>, so changing, removing or reordering rows breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    private static long s_provisional;

    /// <summary>Position in the chain; negative and provisional until the row is sealed on save.</summary>
    public long Sequence { get; set; } = Interlocked.Decrement(ref s_provisional);
    public DateTime TimeUtc { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }

    /// <summary>JSON array of <c>{"field","old","new"}</c>, or a JSON object for events.</summary>
    public string Changes { get; set; } = "[]";

    public string? CorrelationId { get; set; }
    public string Source { get; set; } = "";

    /// <summary>The change request this row belongs to (the request itself, one of its items, or the version it published).</summary>
    public Guid? ChangeRequestId { get; set; }

    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
