using CrmGovernance.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>The few-minutes check: from the witness's latest checkpoint to the head, and what /health makes of it.</summary>
public sealed class AuditIncrementalVerificationTests(TamperedChainFixture chain) : IClassFixture<TamperedChainFixture>
{
    [Fact]
    public async Task Incremental_verification_walks_from_the_latest_checkpoint_and_signs_the_new_head()
    {
        using var copy = chain.Copy();

        var result = await copy.Verification(chain.Host.Clock).VerifyIncrementallyAsync();

        Assert.NotNull(result);
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(chain.Head - chain.LastCheckpoint + 1, result.RowsChecked);
        Assert.Equal($"incremental from row {chain.LastCheckpoint}", result.Trigger);
        var witness = await copy.Witness.ReadAsync();
        Assert.Null(witness.Problem);
        Assert.Equal([chain.FirstCheckpoint, chain.LastCheckpoint, chain.Head], witness.Checkpoints.Select(c => c.Sequence));
        Assert.All(witness.Checkpoints, c => Assert.Equal(1, c.KeyedFrom));
    }

    [Fact]
    public async Task Incremental_verification_records_a_quiet_chain_once()
    {
        using var copy = chain.Copy();
        var verification = copy.Verification(chain.Host.Clock);

        Assert.NotNull(await verification.VerifyIncrementallyAsync());
        Assert.Null(await verification.VerifyIncrementallyAsync());

        await using var db = await copy.Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditVerifications.CountAsync(v => v.Trigger.StartsWith("incremental")));
    }

    [Fact]
    public async Task Incremental_verification_catches_rows_cut_below_the_latest_checkpoint()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {chain.FirstCheckpoint}; DELETE FROM \"AuditVerifications\";");

        var result = await copy.Verification(chain.Host.Clock).VerifyIncrementallyAsync();

        Assert.NotNull(result);
        Assert.False(result.IsIntact);
        Assert.Contains($"witness holds a checkpoint of row {chain.LastCheckpoint}", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incremental_verification_catches_a_changed_hash_at_an_earlier_checkpoint()
    {
        using var copy = chain.Copy();
        await copy.Tamper.DropTriggersAsync();
        await copy.Tamper.ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Hash\" = '{new string('c', 64)}' WHERE \"Sequence\" = {chain.FirstCheckpoint}");

        var result = await copy.Verification(chain.Host.Clock).VerifyIncrementallyAsync();

        Assert.NotNull(result);
        Assert.False(result.IsIntact);
        Assert.Equal(chain.FirstCheckpoint, result.FirstBrokenSequence);
        Assert.Contains("differs from the checkpoint the witness holds for it", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_degraded_with_the_reason_when_the_triggers_are_dropped()
    {
        using var copy = chain.Copy();
        await copy.Verification(chain.Host.Clock).VerifyIncrementallyAsync();
        await copy.Tamper.DropTriggersAsync();

        var health = await new AuditChainHealthCheck(copy.Verification(chain.Host.Clock), copy.Triggers).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("append-only triggers were tampered with", health.Description, StringComparison.Ordinal);
        Assert.Equal("tampered", health.Data["triggers"]);
    }

    [Fact]
    public async Task Health_reflects_the_tamper_an_incremental_verification_found()
    {
        using var copy = chain.Copy();
        var verification = copy.Verification(chain.Host.Clock);
        await verification.VerifyIncrementallyAsync();
        var before = await new AuditChainHealthCheck(verification, copy.Triggers).CheckHealthAsync(new HealthCheckContext());
        await copy.Tamper.AppendForgedAsync(1, AuditTamper.Unkeyed);

        await verification.VerifyIncrementallyAsync();
        var after = await new AuditChainHealthCheck(verification, copy.Triggers).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal(HealthStatus.Degraded, after.Status);
        Assert.Contains("carries an unkeyed hash", after.Description, StringComparison.Ordinal);
        Assert.Equal(chain.Head + 1, after.Data["firstBrokenRow"]);
    }
}
