using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>
/// What an administrator of the database file can do to the audit table: plain SQL on a connection of its own, the
/// append-only triggers dropped first, and hashes recomputed with whatever algorithm and key the attacker has.
/// </summary>
internal sealed class AuditTamper(string databasePath)
{
    public string ConnectionString { get; } = $"Data Source={databasePath};Pooling=False";

    public Task DropTriggersAsync() => ExecuteAsync("DROP TRIGGER IF EXISTS AuditEntries_NoUpdate; DROP TRIGGER IF EXISTS AuditEntries_NoDelete;");

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tests' own attack statements, not user input.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<AuditEntry>> RowsAsync()
    {
        await using var db = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseSqlite(ConnectionString).Options);
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
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        foreach (var row in rows.Where(r => r.Sequence >= fromSequence))
        {
            row.PreviousHash = previous;
            row.Hash = previous = hash(row, previous);
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE AuditEntries SET PreviousHash = $p, Hash = $h WHERE Sequence = $s";
            update.Parameters.AddWithValue("$p", row.PreviousHash);
            update.Parameters.AddWithValue("$h", row.Hash);
            update.Parameters.AddWithValue("$s", row.Sequence);
            await update.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>Appends forged rows after the head, hashed with <paramref name="hash"/>.</summary>
    public async Task AppendForgedAsync(int count, Func<AuditEntry, string, string> hash)
    {
        var rows = await RowsAsync();
        var head = rows[^1];
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
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
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO AuditEntries (Sequence, TimeUtc, ActorId, ActorName, Action, EntityType, EntityId, Changes, Source, PreviousHash, Hash)
                VALUES ($s, $t, $ai, $an, $a, $et, $ei, $c, $src, $p, $h)
                """;
            insert.Parameters.AddWithValue("$s", row.Sequence);
            insert.Parameters.AddWithValue("$t", row.TimeUtc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$ai", row.ActorId);
            insert.Parameters.AddWithValue("$an", row.ActorName);
            insert.Parameters.AddWithValue("$a", row.Action);
            insert.Parameters.AddWithValue("$et", row.EntityType);
            insert.Parameters.AddWithValue("$ei", row.EntityId);
            insert.Parameters.AddWithValue("$c", row.Changes);
            insert.Parameters.AddWithValue("$src", row.Source);
            insert.Parameters.AddWithValue("$p", row.PreviousHash);
            insert.Parameters.AddWithValue("$h", row.Hash);
            await insert.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Moves the latest recorded verification's head to the chain's current head, so its anchor agrees.</summary>
    public Task UpdateVerificationHeadAsync() => ExecuteAsync("""
        UPDATE AuditVerifications SET HeadSequence = (SELECT MAX(Sequence) FROM AuditEntries),
            HeadHash = (SELECT Hash FROM AuditEntries ORDER BY Sequence DESC LIMIT 1);
        """);

    /// <summary>The old algorithm: plain SHA-256, which anyone can recompute.</summary>
    public static string Unkeyed(AuditEntry row, string previous) => AuditHasher.Compute(row, previous);
}
