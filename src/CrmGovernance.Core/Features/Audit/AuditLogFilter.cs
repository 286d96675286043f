namespace CrmGovernance.Core.Features.Audit;

/// <summary>Filters of the audit log; empty values mean "any". <see cref="Search"/> looks for words in the rows' values.</summary>
public sealed record AuditLogFilter(
    DateTime? FromUtc = null, DateTime? ToUtc = null, string? Actor = null, string? EntityType = null,
    string? EntityId = null, string? Action = null, Guid? ChangeRequestId = null, string? Source = null, string? Search = null);
