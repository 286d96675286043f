using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

public sealed class SyncRunTests
{
    [Fact]
    public async Task A_run_creates_each_new_person_once_records_every_outcome_and_the_next_run_reads_nothing()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        for (var i = 0; i < 250; i++)
        {
            await f.PersonAsync($"p{i:000}", $"person{i}@example.com", "ann", "lee", "020 7946 0" + (i % 1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture));
        }

        var run = await f.RunAsync();

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(250, run.Created);
        var contacts = await f.ContactsAsync();
        Assert.Equal(250, contacts.Count);
        Assert.All(contacts, c => Assert.StartsWith("+44207946", c["phone"], StringComparison.Ordinal));
        Assert.Equal("Ann", contacts[0]["first_name"]);
        Assert.Equal(250, await f.Host.QueryAsync(db => db.RecordOutcomes.CountAsync(o => o.RunId == run.Id && o.Outcome == OutcomeKind.Created)));
        Assert.Equal(250, await f.Host.QueryAsync(db => db.CrosswalkLinks.CountAsync()));
        Assert.NotNull(await f.Host.QueryAsync(db => db.FlowCursors.Select(c => c.Cursor).SingleAsync()));

        var next = await f.RunAsync();
        Assert.Equal(0, next.Read);
        Assert.Equal(250, (await f.ContactsAsync()).Count);
    }

    [Fact]
    public async Task Records_with_the_same_email_in_any_case_end_in_one_contact_and_count_as_duplicates_prevented()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("a", " Ann@Example.com ");
        await f.PersonAsync("b", "ann@example.com");
        var first = await f.RunAsync();
        await f.PersonAsync("c", "ANN@EXAMPLE.COM");
        var second = await f.RunAsync();

        Assert.Single(await f.ContactsAsync());
        Assert.Equal(1, first.Created);
        Assert.Equal(1, first.DuplicatesPrevented);
        Assert.Equal(0, second.Created);
        Assert.Equal(1, second.DuplicatesPrevented);
        var links = await f.Host.QueryAsync(db => db.CrosswalkLinks.Select(l => l.TargetId).Distinct().CountAsync());
        Assert.Equal(1, links);
    }

    [Fact]
    public async Task A_batch_run_again_after_a_crash_before_it_was_recorded_creates_no_second_record()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        for (var i = 0; i < 120; i++)
        {
            await f.PersonAsync($"p{i}", $"p{i}@example.com");
        }
        await f.RunAsync();
        // The target was written but the portal's record of it was lost: cursor, crosswalk and outcomes are gone.
        await f.Host.QueryAsync(async db =>
        {
            await db.CrosswalkLinks.ExecuteDeleteAsync();
            return await db.FlowCursors.ExecuteUpdateAsync(s => s.SetProperty(c => c.Cursor, (string?)null));
        });

        var rerun = await f.RunAsync();

        // The records match the ids they were created under, so each is written again in place and recorded as
        // created, with the reason, as the lost first attempt would have recorded it.
        Assert.Equal(120, (await f.ContactsAsync()).Count);
        Assert.Equal(120, rerun.Created);
        Assert.Equal(120, await f.Host.QueryAsync(db => db.RecordOutcomes.CountAsync(o => o.RunId == rerun.Id && o.Reason!.Contains("earlier attempt"))));
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_keeps_the_cursor_and_shows_what_would_happen()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("a", "a@example.com");
        await f.PersonAsync("b", "not-an-email");

        var dry = await f.RunAsync(dryRun: true);

        Assert.True(dry.DryRun);
        Assert.Equal(1, dry.Created);
        Assert.Equal(1, dry.Rejected);
        Assert.Empty(await f.ContactsAsync());
        Assert.Null(await f.Host.QueryAsync(db => db.FlowCursors.Select(c => c.Cursor).FirstOrDefaultAsync()));
        Assert.Equal(0, await f.Host.QueryAsync(db => db.ErrorQueueItems.CountAsync()));
        Assert.Equal(0, await f.Host.QueryAsync(db => db.CrosswalkLinks.CountAsync()));
        Assert.Contains("nothing was written", dry.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, await f.Host.QueryAsync(db => db.RecordOutcomes.CountAsync(o => o.RunId == dry.Id)));
    }

    [Fact]
    public async Task A_second_run_of_a_flow_is_refused_while_one_is_going()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        for (var i = 0; i < 2_000; i++)
        {
            await f.PersonAsync($"p{i}", $"p{i}@example.com");
        }

        var first = await f.Host.Runner.StartAsync(new SyncRunRequest(SyncScenario.Flow, SyncTrigger.Manual, "tester"), ActorContext.System("tester"), CancellationToken.None);
        await Assert.ThrowsAsync<FlowBusyException>(() => f.RunAsync());

        await WaitUntilFinishedAsync(f, first);
        Assert.Equal(2_000, (await f.ContactsAsync()).Count);
    }

    [Fact]
    public async Task A_source_fills_blank_fields_but_never_overwrites_fields_the_system_of_record_owns()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("a", "bob@example.com", "bob", "lee", phone: null);
        await f.RunAsync();
        await f.PersonAsync("a", "bob@example.com", "robert", "lee-smith", phone: "07911 123456");

        var run = await f.RunAsync();

        var contact = Assert.Single(await f.ContactsAsync());
        Assert.Equal("Bob", contact["first_name"]);
        Assert.Equal("Lee", contact["last_name"]);
        Assert.Equal("+447911123456", contact["phone"]);
        Assert.Equal(1, run.Updated);
        var outcome = await f.Host.QueryAsync(db => db.RecordOutcomes.SingleAsync(o => o.RunId == run.Id));
        Assert.Contains("\"phone\":null", outcome.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("+447911123456", outcome.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_a_run_or_a_dry_run_by_hand_is_written_to_the_audit_trail_with_who_and_which_flow()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("a", "a@example.com");

        var run = await f.RunAsync();
        var dry = await f.RunAsync(dryRun: true);

        var rows = await f.Host.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "SyncRun").OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal([AuditActions.SyncRunStarted, AuditActions.SyncDryRunStarted], rows.Select(r => r.Action));
        Assert.Equal([run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), dry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], rows.Select(r => r.EntityId));
        Assert.All(rows, r => Assert.Equal("tester", r.ActorName));
        Assert.Contains("People to CRM", rows[0].Changes, StringComparison.Ordinal);
    }

    internal static async Task<SyncRun> WaitUntilFinishedAsync(SyncFlowFixture f, long runId)
    {
        for (var i = 0; i < 600; i++)
        {
            var run = await f.Host.QueryAsync(db => db.SyncRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
            if (run.Status != SyncRunStatus.Running)
            {
                return run;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Run {runId} did not finish within a minute.");
    }
}
