using System.Text.RegularExpressions;
using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Checks that the append-only triggers (Initial and ChangeControl migrations) are in the database as the migrations
/// wrote them (the dialect's list, <see cref="IAuditTriggerStatements"/>). Dropping or defusing them is the first step of rewriting the audit table, and leaves no row behind.
/// </summary>
public sealed partial class AuditTriggerCheck(IDbContextFactory<CrmDbContext> contexts)
{
    /// <summary>Null when every trigger is in place; otherwise which are missing or altered, in one sentence.</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var triggers = db.Database.Dialect().AuditTriggers;
        var expected = triggers.Expected;
        var names = expected.Keys.ToList();
        var stored = await triggers.StoredAsync(db, cancellationToken);
        var found = stored.Where(t => expected.ContainsKey(t.Name)).ToDictionary(t => t.Name, t => Normalise(t.Sql));
        var missing = names.Where(n => !found.ContainsKey(n)).ToList();
        var altered = names.Where(n => found.TryGetValue(n, out var sql) && sql != Normalise(expected[n])).ToList();
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
}
