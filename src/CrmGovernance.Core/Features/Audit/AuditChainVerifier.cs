using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Walks the audit chain in order and reports the first row that does not verify: a changed row (its hash no
/// longer matches its content), a removed or reordered row (the links or the sequence break), or a truncated
/// end (the chain is shorter than, or differs from, the head the previous verification saw).
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<CrmDbContext> contexts)
{
    private const int BatchSize = 5_000;

    public async Task<ChainVerificationResult> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var anchor = await db.AuditVerifications.AsNoTracking().Where(v => v.IsIntact)
            .OrderByDescending(v => v.HeadSequence).Select(v => new { v.HeadSequence, v.HeadHash })
            .FirstOrDefaultAsync(cancellationToken);

        long checkedRows = 0, expected = 1;
        var previousHash = AuditHasher.GenesisHash;
        while (true)
        {
            var last = expected - 1;
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > last)
                .OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var row in batch)
            {
                var problem = Check(row, expected, previousHash);
                if (anchor is not null && problem is null && row.Sequence == anchor.HeadSequence && row.Hash != anchor.HeadHash)
                {
                    problem = $"Row {row.Sequence} differs from the head recorded by an earlier verification: the chain was rewritten.";
                }
                if (problem is not null)
                {
                    return new ChainVerificationResult(checkedRows, false, row.Sequence, problem, expected - 1, previousHash);
                }
                previousHash = row.Hash;
                expected++;
                checkedRows++;
            }
            progress?.Report(checkedRows);
            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        if (anchor is not null && expected - 1 < anchor.HeadSequence)
        {
            return new ChainVerificationResult(checkedRows, false, expected, $"The chain ends at row {expected - 1}, but an earlier verification saw it reach row {anchor.HeadSequence}: rows were removed from the end.", expected - 1, previousHash);
        }
        return new ChainVerificationResult(checkedRows, true, null, null, expected - 1, previousHash);
    }

    private static string? Check(AuditEntry row, long expected, string previousHash)
    {
        if (row.Sequence != expected)
        {
            return $"Row {expected} is missing: the chain jumps from row {expected - 1} to row {row.Sequence}.";
        }
        if (row.PreviousHash != previousHash)
        {
            return $"Row {row.Sequence} does not link to the row before it: rows were removed or reordered.";
        }
        return AuditHasher.Compute(row, row.PreviousHash) == row.Hash
            ? null
            : $"Row {row.Sequence} was changed after it was written: its content no longer matches its hash.";
    }
}
