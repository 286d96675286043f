using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Walks the audit chain in order and reports the first row that does not verify: a changed row (its hash no longer
/// matches its content and the key), a removed or reordered row (the links or the sequence break), a row that differs
/// from a checkpoint the witness signed (a rewrite), or a truncated end (the chain is shorter than a checkpoint, or than
/// the head the previous verification saw).
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<CrmDbContext> contexts, AuditChainKey key, AuditWitness witness)
{
    private const int BatchSize = 5_000;

    /// <param name="upToSequence">Stop at this row (an export's head, taken when it started); rows appended since are not walked.</param>
    public async Task<ChainVerificationResult> VerifyAsync(IProgress<long>? progress = null, long? upToSequence = null,
        CancellationToken cancellationToken = default) =>
        (await CheckAsync(incremental: false, progress, upToSequence, cancellationToken)).Result;

    /// <summary>
    /// Verifies the whole chain, or (<paramref name="incremental"/>) only from the latest checkpoint of the witness to the
    /// head, after checking the rows of the earlier checkpoints still carry their hashes.
    /// </summary>
    public async Task<AuditChainCheck> CheckAsync(bool incremental, IProgress<long>? progress = null, long? upToSequence = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reading = await witness.ReadAsync(cancellationToken);
        var from = incremental && reading.Latest is { } latest ? latest.Sequence : 1;
        var walk = await StartWalkAsync(db, reading, upToSequence, from, cancellationToken);
        var end = upToSequence ?? long.MaxValue;
        for (var last = from - 1; !walk.IsBroken;)
        {
            var after = last;
            // Synchronous on purpose: SQLite's async calls complete synchronously anyway, and EF's async path costs about
            // twice as much per row (measured on a million rows).
            var batch = db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after && e.Sequence <= end)
                .OrderBy(e => e.Sequence).Take(BatchSize).ToList();
            cancellationToken.ThrowIfCancellationRequested();
            walk.Add(batch);
            progress?.Report(walk.RowsChecked);
            if (batch.Count < BatchSize)
            {
                break;
            }
            last = batch[^1].Sequence;
        }
        var result = walk.Finish();
        if (result.IsIntact && from > 1 && await EarlierCheckpointProblemAsync(db, reading, from, cancellationToken) is { } earlier)
        {
            result = earlier;
        }
        // A changed key breaks every keyed row: say so beside the first broken row.
        if (!result.IsIntact && reading.Problem is { } witnessProblem && result.Problem != witnessProblem)
        {
            result = result with { Problem = $"{result.Problem} Also: {witnessProblem}" };
        }
        return new AuditChainCheck(result, walk.KeyedFrom, from, reading.Latest);
    }

    /// <summary>
    /// A walk fed by the caller, row after row in sequence order from row 1 (an export reading the whole chain verifies
    /// it on the way instead of reading it twice).
    /// </summary>
    public async Task<AuditChainWalk> StartWalkAsync(CrmDbContext db, long? upToSequence, CancellationToken cancellationToken) =>
        await StartWalkAsync(db, await witness.ReadAsync(cancellationToken), upToSequence, 1, cancellationToken);

    private async Task<AuditChainWalk> StartWalkAsync(CrmDbContext db, AuditWitnessReading reading, long? upToSequence, long from,
        CancellationToken cancellationToken)
    {
        var anchor = await db.AuditVerifications.AsNoTracking().Where(v => v.IsIntact)
            .OrderByDescending(v => v.HeadSequence).Select(v => new { v.HeadSequence, v.HeadHash })
            .FirstOrDefaultAsync(cancellationToken);
        // An incremental walk links its first row to whatever that row says; the row's hash is then checked against its checkpoint.
        var previous = from <= 1 ? AuditHasher.GenesisHash
            : await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == from).Select(e => e.PreviousHash).FirstOrDefaultAsync(cancellationToken)
              ?? AuditHasher.GenesisHash;
        return new AuditChainWalk(key, reading, anchor?.HeadSequence, anchor?.HeadHash, upToSequence, from, previous);
    }

    /// <summary>The first checkpoint before <paramref name="from"/> whose row no longer carries the hash it signed.</summary>
    private static async Task<ChainVerificationResult?> EarlierCheckpointProblemAsync(CrmDbContext db, AuditWitnessReading reading, long from,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in reading.Checkpoints.Where(c => c.Sequence < from).OrderBy(c => c.Sequence).Chunk(500))
        {
            var sequences = chunk.Select(c => c.Sequence).Distinct().ToList();
            var stored = await db.AuditEntries.AsNoTracking().Where(e => sequences.Contains(e.Sequence))
                .ToDictionaryAsync(e => e.Sequence, e => e.Hash, cancellationToken);
            foreach (var checkpoint in chunk)
            {
                if (!stored.TryGetValue(checkpoint.Sequence, out var hash) || hash != checkpoint.Hash)
                {
                    var signed = $"signed {checkpoint.TimeUtc:yyyy-MM-dd HH:mm:ss} UTC";
                    return new ChainVerificationResult(0, false, checkpoint.Sequence, hash is null
                            ? $"Row {checkpoint.Sequence} is missing, though the witness holds a checkpoint of it ({signed}): rows were removed."
                            : $"Row {checkpoint.Sequence} differs from the checkpoint the witness holds for it ({signed}): the chain was rewritten.",
                        checkpoint.Sequence - 1, AuditHasher.GenesisHash);
                }
            }
        }
        return null;
    }
}
