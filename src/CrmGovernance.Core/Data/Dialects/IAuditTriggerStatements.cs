namespace CrmGovernance.Core.Data.Dialects;

/// <summary>The append-only triggers the migrations put on the audit log and the configuration versions (ADR 0009).</summary>
public interface IAuditTriggerStatements
{
    /// <summary>Each trigger's name and its statement, as the migrations create it.</summary>
    IReadOnlyDictionary<string, string> Expected { get; }

    /// <summary>The triggers stored in the database now, with their statements.</summary>
    Task<IReadOnlyList<StoredTrigger>> StoredAsync(CrmDbContext db, CancellationToken ct);
}
