using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>The canonical form of an audit row and its SHA-256 link to the previous row.</summary>
public static class AuditHasher
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEntry e, string previousHash)
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
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
