using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>
/// What someone with write access to the portal database can do to the audit table: plain SQL on a connection of its own,
/// the append-only triggers dropped first (SQLite: the file's administrator; PostgreSQL: the tables' owner), and hashes
/// recomputed with whatever algorithm and key the attacker has. Statements quote every identifier so one text serves both.
/// </summary>
internal sealed class AuditTamper(DatabaseProvider provider, string connectionString)
{
    public DatabaseProvider Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    /// <summary>Drops the triggers that refuse UPDATE and DELETE (PostgreSQL's TRUNCATE trigger stays).</summary>
    public Task DropTriggersAsync() => ExecuteAsync(
        TestSql.DropTrigger(Provider, "AuditEntries_NoUpdate") + TestSql.DropTrigger(Provider, "AuditEntries_NoDelete"));

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await TestSql.OpenAsync(Provider, ConnectionString);
        await using var command = TestSql.Command(connection, sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A stored time as this engine keeps it in AuditEntries.TimeUtc (SQLite: text; PostgreSQL: ticks), for SQL text.</summary>
    public string TimeLiteral(DateTime utc) => Provider == DatabaseProvider.Postgres
        ? utc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "'" + utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture) + "'";

    public async Task<List<AuditEntry>> RowsAsync()
    {
        await using var db = new CrmDbContext(TestSql.Options(Provider, ConnectionString));
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>
    /// Re-links and re-hashes every row from <paramref name="fromSequence"/> to the end with <paramref name="hash"/>
    /// (content and previous hash in, hash out), as someone who wants the chain to verify again would.
    /// </summary>
    public async Task RehashAsync(long fromSequence, Func<AuditEntry, string, string> hash)
    {
        var rows = await RowsAsync();
        var previous = rows.LastOrDefault(r => r.Sequence < fromSequence)?.Hash ?? AuditHasher.GenesisHash;
        await using var connection = await TestSql.OpenAsync(Provider, ConnectionString);
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var row in rows.Where(r => r.Sequence >= fromSequence))
        {
            row.PreviousHash = previous;
            row.Hash = previous = hash(row, previous);
            await using var update = TestSql.Command(connection, """UPDATE "AuditEntries" SET "PreviousHash" = @p, "Hash" = @h WHERE "Sequence" = @s""",
                ("p", row.PreviousHash), ("h", row.Hash), ("s", row.Sequence));
            update.Transaction = transaction;
            await update.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>Appends forged rows after the head, hashed with <paramref name="hash"/>.</summary>
    public async Task AppendForgedAsync(int count, Func<AuditEntry, string, string> hash)
    {
        var rows = await RowsAsync();
        var head = rows[^1];
        await using var connection = await TestSql.OpenAsync(Provider, ConnectionString);
        var previous = head.Hash;
        for (var i = 1; i <= count; i++)
        {
            var row = new AuditEntry
            {
                Sequence = head.Sequence + i, TimeUtc = head.TimeUtc.AddMinutes(i), ActorId = "id-ada", ActorName = "ada",
                Action = AuditActions.SignIn, EntityType = "User", EntityId = "forged " + i, Changes = "{}", Source = AuditSources.Ui,
                PreviousHash = previous,
            };
            row.Hash = previous = hash(row, previous);
            await using var insert = TestSql.Command(connection, $"""
                INSERT INTO "AuditEntries" ("Sequence", "TimeUtc", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "Changes", "Source", "PreviousHash", "Hash")
                VALUES (@s, {TimeLiteral(row.TimeUtc)}, @ai, @an, @a, @et, @ei, @c, @src, @p, @h)
                """,
                ("s", row.Sequence), ("ai", row.ActorId), ("an", row.ActorName), ("a", row.Action), ("et", row.EntityType),
                ("ei", row.EntityId), ("c", row.Changes), ("src", row.Source), ("p", row.PreviousHash), ("h", row.Hash));
            await insert.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Moves the latest recorded verification's head to the chain's current head, so its anchor agrees.</summary>
    public Task UpdateVerificationHeadAsync() => ExecuteAsync("""
        UPDATE "AuditVerifications" SET "HeadSequence" = (SELECT MAX("Sequence") FROM "AuditEntries"),
            "HeadHash" = (SELECT "Hash" FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1);
        """);

    /// <summary>The old algorithm: plain SHA-256, which anyone can recompute.</summary>
    public static string Unkeyed(AuditEntry row, string previous) => AuditHasher.Compute(row, previous);
}
