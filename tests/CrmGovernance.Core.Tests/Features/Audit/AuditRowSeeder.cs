using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>
/// Appends many audit rows straight into a migrated database, sealed into the hash chain exactly as the interceptor
/// seals them with the chain key (so the chain verifies), 1,000 rows per transaction. For tests and benchmarks that
/// need volume; the benchmarks project links this file.
/// </summary>
public static class AuditRowSeeder
{
    private static readonly string[] Actors = ["ada@example.com", "grace@example.com", "linus@example.com", "system:sync", "margaret@example.com"];
    private static readonly string[] Entities = ["ChangeRequest", "ChangeRequestItem", "User", "UserRole", "InboundApiKey", "ConfigurationVersion"];
    private static readonly string[] Actions = [AuditActions.Insert, AuditActions.Update, AuditActions.Update, AuditActions.Delete, AuditActions.SignIn];
    private static readonly string[] Fields = ["Title", "Reason", "Status", "Email", "DisplayName", "AfterJson"];
    private static readonly string[] Words = ["contact", "lead", "owner", "berlin", "munich", "pending", "approved", "website", "erp", "email"];

    /// <summary>A synthetic row for position <paramref name="i"/> (0-based): three field changes, deterministic.</summary>
    public static AuditEntry Synthetic(long i, DateTime start, IReadOnlyList<Guid>? changeRequests = null)
    {
        var changes = Enumerable.Range(0, 3).Select(k => new
        {
            field = Fields[(int)((i + k) % Fields.Length)],
            old = k == 0 && i % 4 == 0 ? null : $"{Words[(int)((i + k) % Words.Length)]} {i - k}",
            @new = $"{Words[(int)((i * 7 + k) % Words.Length)]} {i + k}",
        });
        return new AuditEntry
        {
            TimeUtc = start.AddMilliseconds(i * 250),
            ActorId = "id-" + (i % Actors.Length).ToString(CultureInfo.InvariantCulture),
            ActorName = Actors[i % Actors.Length],
            Action = Actions[i % Actions.Length],
            EntityType = Entities[i % Entities.Length],
            EntityId = (i % 5_000).ToString(CultureInfo.InvariantCulture),
            Changes = JsonSerializer.Serialize(changes),
            CorrelationId = "run-" + (i / 100).ToString(CultureInfo.InvariantCulture),
            Source = i % 3 == 0 ? AuditSources.Worker : AuditSources.Ui,
            ChangeRequestId = changeRequests is { Count: > 0 } && i % 10 == 0 ? changeRequests[(int)(i / 10 % changeRequests.Count)] : null,
        };
    }

    /// <summary>Appends <paramref name="count"/> rows made by <paramref name="make"/> after the chain's current head.</summary>
    /// <param name="connectionString">A SQLite (<c>Data Source=</c>) or PostgreSQL (<c>Host=</c>) connection string.</param>
    /// <param name="key">The chain key of the host that will verify them; null for the unkeyed hash of rows sealed before keying.</param>
    public static async Task AppendAsync(string connectionString, AuditChainKey? key, long count, Func<long, AuditEntry> make, IProgress<long>? progress = null)
    {
        var postgres = IsPostgres(connectionString);
        await using DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var (sequence, hash, lastTime) = await HeadAsync(connection, postgres);

        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "AuditEntries" ("Sequence", "TimeUtc", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "Changes", "CorrelationId", "Source", "PreviousHash", "Hash", "ChangeRequestId")
            VALUES (@seq, @time, @actorId, @actor, @action, @type, @id, @changes, @corr, @source, @prev, @hash, @cr)
            """;
        string[] names = ["seq", "time", "actorId", "actor", "action", "type", "id", "changes", "corr", "source", "prev", "hash", "cr"];
        var p = names.Select(n => Parameter(insert, n, postgres)).ToArray();

        for (long done = 0; done < count;)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            insert.Transaction = transaction;
            await insert.PrepareAsync();
            for (var n = 0; n < 1_000 && done < count; n++, done++)
            {
                var row = make(done);
                row.Sequence = ++sequence;
                if (row.TimeUtc < lastTime)
                {
                    row.TimeUtc = lastTime;
                }
                lastTime = row.TimeUtc;
                row.PreviousHash = hash;
                row.Hash = hash = key is null ? AuditHasher.Compute(row, row.PreviousHash) : key.Seal(row, row.PreviousHash);
                object?[] values = [row.Sequence, postgres ? row.TimeUtc.Ticks : Time(row.TimeUtc), row.ActorId, row.ActorName, row.Action, row.EntityType, row.EntityId,
                    row.Changes, row.CorrelationId, row.Source, row.PreviousHash, row.Hash,
                    postgres ? row.ChangeRequestId : row.ChangeRequestId?.ToString("D").ToUpperInvariant()];
                for (var k = 0; k < values.Length; k++)
                {
                    p[k].Value = values[k] ?? DBNull.Value;
                }
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
            progress?.Report(done);
        }
    }

    /// <summary>Whether a connection string is PostgreSQL's (it names a host) rather than SQLite's (a data source).</summary>
    public static bool IsPostgres(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Host");

    // PostgreSQL's columns are typed: the statement is prepared once, so each parameter says its type.
    private static DbParameter Parameter(DbCommand command, string name, bool postgres)
    {
        DbParameter parameter = postgres
            ? new NpgsqlParameter(name, name switch
            {
                "seq" or "time" => NpgsqlDbType.Bigint,
                "cr" => NpgsqlDbType.Uuid,
                _ => NpgsqlDbType.Text,
            })
            : new SqliteParameter { ParameterName = "@" + name };
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static async Task<(long Sequence, string Hash, DateTime Time)> HeadAsync(DbConnection connection, bool postgres)
    {
        await using var head = connection.CreateCommand();
        head.CommandText = "SELECT \"Sequence\", \"Hash\", \"TimeUtc\" FROM \"AuditEntries\" ORDER BY \"Sequence\" DESC LIMIT 1";
        await using var reader = await head.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return (0, AuditHasher.GenesisHash, DateTime.MinValue);
        }
        var time = postgres
            ? new DateTime(reader.GetInt64(2), DateTimeKind.Utc)
            : DateTime.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return (reader.GetInt64(0), reader.GetString(1), time);
    }

    // As UtcDateTimeConverter stores it in SQLite (PostgreSQL keeps ticks, UtcTicksConverter); checked by the seeder's own test.
    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
