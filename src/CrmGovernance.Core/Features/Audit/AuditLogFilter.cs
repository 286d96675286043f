namespace CrmGovernance.Core.Features.Audit;

/// <summary>Filters of the audit log; empty values mean "any".</summary>
public sealed record AuditLogFilter(
    DateTime? FromUtc = null, DateTime? ToUtc = null, string? Actor = null, string? EntityType = null,
    string? EntityId = null, string? Action = null);
