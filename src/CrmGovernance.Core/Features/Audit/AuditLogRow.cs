namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// An audit row as the log page shows it: the entry as stored, what it means (<see cref="Action"/>, e.g. "Approved CR-12"),
/// its change request's label, and its changed fields in business words.
/// </summary>
public sealed record AuditLogRow(AuditEntry Entry, string Action, string? ChangeRequest, IReadOnlyList<AuditChangeLine> Changes);
