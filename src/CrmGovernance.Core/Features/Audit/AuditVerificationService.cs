using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Runs a chain verification (whole, or incremental from the witness's latest checkpoint), checks the append-only
/// triggers, stores the result, and publishes a signed checkpoint of the verified head to the witness.
/// </summary>
public sealed partial class AuditVerificationService(
    IDbContextFactory<CrmDbContext> contexts, AuditChainVerifier verifier, AuditWitness witness, AuditTriggerCheck triggers,
    TimeProvider clock, ILogger<AuditVerificationService> logger)
{
    /// <summary>Verifies the whole chain from its first row.</summary>
    public async Task<AuditVerification> VerifyAndRecordAsync(string trigger, CancellationToken cancellationToken = default) =>
        (await RunAsync(trigger, incremental: false, cancellationToken))!;

    /// <summary>
    /// Verifies from the latest checkpoint to the head. Recorded only when something changed: the head moved, or the
    /// result differs from the latest recorded one (so a quiet portal does not add a row every few minutes).
    /// </summary>
    public Task<AuditVerification?> VerifyIncrementallyAsync(CancellationToken cancellationToken = default) =>
        RunAsync(null, incremental: true, cancellationToken);

    public async Task<AuditVerification?> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditVerifications.AsNoTracking().OrderByDescending(v => v.CompletedUtc).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<AuditVerification?> RunAsync(string? trigger, bool incremental, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var check = await verifier.CheckAsync(incremental, cancellationToken: cancellationToken);
        var result = check.Result;
        var triggerProblem = await triggers.ProblemAsync(cancellationToken);
        var intact = result.IsIntact && triggerProblem is null;
        var problem = string.Join(" ", new[] { result.Problem, triggerProblem }.OfType<string>()) is { Length: > 0 } found
            ? found[..Math.Min(found.Length, 1000)]
            : null;

        AuditVerification? record = null;
        var latest = incremental ? await LatestAsync(cancellationToken) : null;
        if (latest is null || latest.IsIntact != intact || latest.HeadSequence != result.HeadSequence || latest.Problem != problem)
        {
            record = new AuditVerification
            {
                Id = Guid.CreateVersion7(),
                StartedUtc = started,
                CompletedUtc = clock.GetUtcNow().UtcDateTime,
                Trigger = trigger ?? $"incremental from row {check.FromSequence}",
                RowsChecked = result.RowsChecked,
                IsIntact = intact,
                FirstBrokenSequence = result.FirstBrokenSequence,
                Problem = problem,
                HeadSequence = result.HeadSequence,
                HeadHash = result.HeadHash,
            };
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.AuditVerifications.Add(record);
            db.Raise(new ChainVerified(intact, result.HeadSequence, problem), record.CompletedUtc);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (result.IsIntact)
        {
            LogIntact(logger, result.RowsChecked, check.FromSequence, result.HeadSequence);
            await CheckpointAsync(check, cancellationToken);
        }
        else
        {
            LogBroken(logger, result.FirstBrokenSequence, result.Problem);
        }
        if (triggerProblem is not null)
        {
            LogTriggers(logger, triggerProblem);
        }
        return record;
    }

    /// <summary>Signs the verified head for the witness, unless a checkpoint already covers it. Never fails the verification.</summary>
    private async Task CheckpointAsync(AuditChainCheck check, CancellationToken cancellationToken)
    {
        var head = check.Result;
        if (head.HeadSequence == 0 || check.LatestCheckpoint is { } latest && latest.Sequence >= head.HeadSequence)
        {
            return;
        }
        try
        {
            await witness.AppendAsync(witness.Sign(head.HeadSequence, head.HeadHash, check.KeyedFrom), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogWitnessFailed(logger, ex, witness.FilePath);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit chain verified: {Rows} rows intact from row {From} to head {Head}")]
    private static partial void LogIntact(ILogger logger, long rows, long from, long head);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit chain broken at row {Row}: {Problem}")]
    private static partial void LogBroken(ILogger logger, long? row, string? problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}")]
    private static partial void LogTriggers(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit checkpoint to the witness {Path}")]
    private static partial void LogWitnessFailed(ILogger logger, Exception exception, string path);
}
