using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>Runs a chain verification, stores its result and reads the latest one.</summary>
public sealed class AuditVerificationService(
    IDbContextFactory<CrmDbContext> contexts, AuditChainVerifier verifier, TimeProvider clock, ILogger<AuditVerificationService> logger)
{
    public async Task<AuditVerification> VerifyAndRecordAsync(string trigger, CancellationToken cancellationToken = default)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var result = await verifier.VerifyAsync(cancellationToken: cancellationToken);
        var record = new AuditVerification
        {
            Id = Guid.CreateVersion7(),
            StartedUtc = started,
            CompletedUtc = clock.GetUtcNow().UtcDateTime,
            Trigger = trigger,
            RowsChecked = result.RowsChecked,
            IsIntact = result.IsIntact,
            FirstBrokenSequence = result.FirstBrokenSequence,
            Problem = result.Problem,
            HeadSequence = result.HeadSequence,
            HeadHash = result.HeadHash,
        };

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditVerifications.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        if (result.IsIntact)
        {
            logger.LogInformation("Audit chain verified: {Rows} rows intact, head {Head}", result.RowsChecked, result.HeadSequence);
        }
        else
        {
            logger.LogError("Audit chain broken at row {Row}: {Problem}", result.FirstBrokenSequence, result.Problem);
        }
        return record;
    }

    public async Task<AuditVerification?> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditVerifications.AsNoTracking().OrderByDescending(v => v.CompletedUtc).FirstOrDefaultAsync(cancellationToken);
    }
}
