using System.Text.RegularExpressions;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Checks that the append-only triggers (Initial and ChangeControl migrations) are in the database as the migrations
/// wrote them. Dropping or defusing them is the first step of rewriting the audit table, and leaves no row behind.
/// </summary>
public sealed partial class AuditTriggerCheck(IDbContextFactory<CrmDbContext> contexts)
{
    /// <summary>Each trigger's name and its statement, as the migrations create it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Expected = new Dictionary<string, string>
    {
        ["AuditEntries_NoUpdate"] = "CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END",
        ["AuditEntries_NoDelete"] = "CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END",
        ["ConfigurationVersions_NoUpdate"] = "CREATE TRIGGER ConfigurationVersions_NoUpdate BEFORE UPDATE ON ConfigurationVersions BEGIN SELECT RAISE(ABORT, 'configuration versions are immutable'); END",
        ["ConfigurationVersions_NoDelete"] = "CREATE TRIGGER ConfigurationVersions_NoDelete BEFORE DELETE ON ConfigurationVersions BEGIN SELECT RAISE(ABORT, 'configuration versions are immutable'); END",
    };

    /// <summary>Null when every trigger is in place; otherwise which are missing or altered, in one sentence.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = Expected.Keys.ToList();
        var stored = await db.Database
            .SqlQuery<StoredTrigger>($"SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'trigger'")
            .ToListAsync(cancellationToken);
        var found = stored.Where(t => Expected.ContainsKey(t.Name)).ToDictionary(t => t.Name, t => Normalise(t.Sql));
        var missing = names.Where(n => !found.ContainsKey(n)).ToList();
        var altered = names.Where(n => found.TryGetValue(n, out var sql) && sql != Normalise(Expected[n])).ToList();
        if (missing.Count == 0 && altered.Count == 0)
        {
            return null;
        }
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add("missing: " + string.Join(", ", missing));
        }
        if (altered.Count > 0)
        {
            parts.Add("altered: " + string.Join(", ", altered));
        }
        return $"The append-only triggers were tampered with ({string.Join("; ", parts)}): the database no longer refuses edits of audit rows.";
    }

    private static string Normalise(string? sql) => Whitespace().Replace(sql ?? "", " ").Trim().TrimEnd(';').Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed record StoredTrigger(string Name, string? Sql);
}
