using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// The canonical form of an audit row and its link to the previous row: HMAC-SHA256 with the chain key
/// (<see cref="AuditChainKey"/>) for rows sealed since keying began, plain SHA-256 for the rows sealed before it.
/// </summary>
public static class AuditHasher
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The unkeyed hash rows had before the chain was keyed; anyone can recompute it, so it only verifies old rows.</summary>
    public static string Compute(AuditEntry e, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(e, previousHash).WrittenSpan));

    /// <summary>The keyed hash: recomputing it takes the key, which the database does not hold.</summary>
    public static string ComputeKeyed(AuditEntry e, string previousHash, ReadOnlySpan<byte> key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Canonical(e, previousHash).WrittenSpan));

    private static ArrayBufferWriter<byte> Canonical(AuditEntry e, string previousHash)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            // Field order is part of the format: never reorder, only append.
            w.WriteStartArray();
            w.WriteNumberValue(e.Sequence);
            w.WriteStringValue(e.TimeUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
            w.WriteStringValue(e.ActorId);
            w.WriteStringValue(e.ActorName);
            w.WriteStringValue(e.Action);
            w.WriteStringValue(e.EntityType);
            w.WriteStringValue(e.EntityId);
            w.WriteStringValue(e.Changes);
            w.WriteStringValue(e.CorrelationId);
            w.WriteStringValue(e.Source);
            w.WriteStringValue(previousHash);

            // Appended later: present only when set, so rows written before it hash as they always did.
            if (e.ChangeRequestId is { } changeRequest)
            {
                w.WriteStringValue(changeRequest.ToString("D"));
            }
            w.WriteEndArray();
        }
        return buffer;
    }
}
