using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmGovernance.Core.Data.Dialects.Postgres;

/// <summary>
/// Transaction-scoped advisory locks (<c>pg_advisory_xact_lock(int, int)</c>): the first number says which lock (the portal's
/// range), the second narrows it to a key. Released by the commit or rollback of the transaction that took it, so a
/// process that dies releases its locks with its connection.
/// </summary>
internal sealed class PostgresLocks : IDatabaseLocks
{
    // "CG" in the high bytes keeps the portal's locks apart from any other application's on the same server.
    private const int Namespace = 0x4347_0000;

    public bool OrderProcesses => true;

    public async Task TakeAsync(DatabaseFacade database, DatabaseLock name, string? key = null, CancellationToken ct = default)
    {
        Require(database);
        var (lockId, keyId) = Ids(name, key);
        await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockId}, {keyId})", ct);
    }

    public void Take(DatabaseFacade database, DatabaseLock name, string? key = null)
    {
        Require(database);
        var (lockId, keyId) = Ids(name, key);
        database.ExecuteSql($"SELECT pg_advisory_xact_lock({lockId}, {keyId})");
    }

    public async Task<IAsyncDisposable> HoldAsync(DatabaseFacade database, DatabaseLock name, string? key = null, CancellationToken ct = default) =>
        (await HoldAsync(database, name, key, wait: true, ct))!;

    public Task<IAsyncDisposable?> TryHoldAsync(DatabaseFacade database, DatabaseLock name, string? key = null, CancellationToken ct = default) =>
        HoldAsync(database, name, key, wait: false, ct);

    private static async Task<IAsyncDisposable?> HoldAsync(DatabaseFacade database, DatabaseLock name, string? key, bool wait, CancellationToken ct)
    {
        var (lockId, keyId) = Ids(name, key);
        var connection = new NpgsqlConnection(database.GetConnectionString());
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(wait ? "SELECT pg_advisory_lock(@lock, @key)::text" : "SELECT pg_try_advisory_lock(@lock, @key)::text", connection);
            command.Parameters.AddWithValue("lock", lockId);
            command.Parameters.AddWithValue("key", keyId);
            // pg_advisory_lock returns void (empty text); pg_try_advisory_lock says whether it got the lock.
            if (await command.ExecuteScalarAsync(ct) is "false")
            {
                await connection.DisposeAsync();
                return null;
            }
            return new Held(connection, lockId, keyId);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The two numbers of a lock; a key is narrowed to 32 bits of its SHA-256 (a collision only makes two keys wait on each other).</summary>
    public static (int LockId, int KeyId) Ids(DatabaseLock name, string? key) =>
        (Namespace | (int)name, key is null ? 0 : BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key))));

    private sealed class Held(NpgsqlConnection connection, int lockId, int keyId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@lock, @key)", connection);
                command.Parameters.AddWithValue("lock", lockId);
                command.Parameters.AddWithValue("key", keyId);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the connection releases the lock too, should the unlock have failed.
                await connection.DisposeAsync();
            }
        }
    }

    private static void Require(DatabaseFacade database)
    {
        if (database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A database lock is held until its transaction ends: begin the transaction first.");
        }
    }
}
