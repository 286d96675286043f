using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>Tampering is done as an attacker with write access to the file would: raw SQL, triggers dropped first.</summary>
public sealed class AuditChainVerifierTests
{
    private const string Columns = "TimeUtc, ActorId, ActorName, Action, EntityType, EntityId, Changes, CorrelationId, Source, PreviousHash, Hash";

    [Fact]
    public async Task An_untouched_chain_verifies_to_its_head()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com", "Steward");
        await WriteEventsAsync(host, 4);

        var result = await VerifyAsync(host);

        var rows = await host.AuditRowsAsync();
        Assert.Equal(6, rows.Count);
        Assert.Equal(new ChainVerificationResult(6, true, null, null, 6, rows[^1].Hash), result);
        Assert.Equal(AuditHasher.GenesisHash, rows[0].PreviousHash);
        Assert.All(rows.Skip(1), (r, i) => Assert.Equal(rows[i].Hash, r.PreviousHash));
    }

    [Fact]
    public async Task A_changed_row_is_reported_as_the_first_broken_row()
    {
        await using var host = await CoreTestHost.StartAsync();
        await WriteEventsAsync(host, 5);
        await host.ExecuteRawAsync(TestSql.DropTrigger(host.Provider, "AuditEntries_NoUpdate") + "UPDATE \"AuditEntries\" SET \"Changes\" = '{\"reason\":\"nothing happened\"}' WHERE \"Sequence\" = 3;");

        var result = await VerifyAsync(host);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Equal(2, result.RowsChecked);
        Assert.Contains("changed after it was written", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_deleted_from_the_middle_is_reported_at_the_row_after_the_gap()
    {
        await using var host = await CoreTestHost.StartAsync();
        await WriteEventsAsync(host, 5);
        await host.ExecuteRawAsync(TestSql.DropTrigger(host.Provider, "AuditEntries_NoDelete") + "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3;");

        var result = await VerifyAsync(host);

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Contains("Row 3 is missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_swapped_rows_are_reported_at_the_first_of_them()
    {
        await using var host = await CoreTestHost.StartAsync();
        await WriteEventsAsync(host, 5);
        var set = string.Join(", ", Columns.Split(", ").Select(c => $"\"{c}\" = s.\"{c}\""));
        await host.ExecuteRawAsync($"""
            {TestSql.DropTrigger(host.Provider, "AuditEntries_NoUpdate")}
            CREATE TEMP TABLE s AS SELECT * FROM "AuditEntries" WHERE "Sequence" IN (2, 3);
            UPDATE "AuditEntries" SET {set} FROM s
            WHERE "AuditEntries"."Sequence" IN (2, 3) AND s."Sequence" = 5 - "AuditEntries"."Sequence";
            """);
        var rows = await host.AuditRowsAsync();
        Assert.Equal("event 3", rows[1].EntityId);

        var result = await VerifyAsync(host);

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBrokenSequence);
        Assert.Contains("does not link", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_cut_from_the_end_after_a_recorded_verification_are_reported()
    {
        await using var host = await CoreTestHost.StartAsync();
        await WriteEventsAsync(host, 5);
        await using (var scope = host.Scope())
        {
            var recorded = await scope.ServiceProvider.GetRequiredService<AuditVerificationService>().VerifyAndRecordAsync("test");
            Assert.Equal((true, 5L), (recorded.IsIntact, recorded.HeadSequence));
        }
        await host.ExecuteRawAsync(TestSql.DropTrigger(host.Provider, "AuditEntries_NoDelete") + "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" >= 4;");

        var result = await VerifyAsync(host);

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Equal(3, result.HeadSequence);
        Assert.Contains("removed from the end", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_cut_from_the_end_and_rewritten_after_a_recorded_verification_are_reported()
    {
        await using var host = await CoreTestHost.StartAsync();
        await WriteEventsAsync(host, 5);
        await using (var scope = host.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditVerificationService>().VerifyAndRecordAsync("test");
        }
        await host.ExecuteRawAsync(TestSql.DropTrigger(host.Provider, "AuditEntries_NoDelete") + "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" >= 4;");
        await WriteEventsAsync(host, 3);

        var result = await VerifyAsync(host);

        Assert.False(result.IsIntact);
        Assert.Equal(5, result.FirstBrokenSequence);
        Assert.Contains("chain was rewritten", result.Problem, StringComparison.Ordinal);
    }

    private static async Task WriteEventsAsync(CoreTestHost host, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromTicks(1_234_567)); // sub-second ticks must survive SQLite
            await using var scope = host.ScopeAs("ada");
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>()
                .RecordAsync(AuditActions.SignIn, "User", $"event {i}", new { attempt = i });
        }
    }

    private static async Task<ChainVerificationResult> VerifyAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
    }
}
