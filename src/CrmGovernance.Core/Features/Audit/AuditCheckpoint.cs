using System.Globalization;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// A signed statement, kept by the witness outside the database, that the verified chain reached row
/// <see cref="Sequence"/> with hash <see cref="Hash"/> at <see cref="TimeUtc"/>, and that rows from
/// <see cref="KeyedFrom"/> on are sealed with the key (RFC 6962's signed tree head, for a hash chain).
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTime TimeUtc, long KeyedFrom, string KeyId, string Signature)
{
    /// <summary>What the signature covers; a format change needs a new version prefix.</summary>
    public static string SignedText(long sequence, string hash, DateTime timeUtc, long keyedFrom) => string.Create(CultureInfo.InvariantCulture,
        $"crmgov-audit-checkpoint-v1|{sequence}|{hash}|{timeUtc:yyyy-MM-ddTHH:mm:ss.fffffffZ}|{keyedFrom}");

    public string SignedText() => SignedText(Sequence, Hash, TimeUtc, KeyedFrom);
}
