using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>The two numbers of a lock; a key is narrowed to 32 bits of its SHA-256 (a collision only makes two keys wait on each other).</summary>
    public static (int LockId, int KeyId) Ids(DatabaseLock name, string? key) =>
        (Namespace | (int)name, key is null ? 0 : BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key))));

    private static void Require(DatabaseFacade database)
    {
        if (database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A database lock is held until its transaction ends: begin the transaction first.");
        }
    }
}
