using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>
/// A batch written to the target but not recorded (the worker died in between) is read and processed again: each
/// activity reaches the target once, and the second pass says so instead of claiming a second append.
/// </summary>
public sealed class AppendIdempotencyTests
{
    private static readonly BusinessRule Append = SyncScenario.Rule("Existing email appends the enquiry", RuleTriggerKind.MatchedExisting,
        new RuleAction { Kind = RuleActionKind.UpdateOwnedFieldsOnly }, new RuleAction { Kind = RuleActionKind.AppendActivity });

    [Fact]
    public async Task Processing_a_batch_again_after_a_crash_writes_each_activity_once_and_says_it_was_recorded_already()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build(Append));
        await f.PersonAsync("ann", "ann@example.com");
        await f.PersonAsync("bob", "bob@example.com", first: "Bob");
        await f.RunAsync();
        await f.PersonAsync("web-1", "ann@example.com", first: "Annie");
        await f.PersonAsync("web-2", "bob@example.com", first: "Bobby");
        var batch = await WaitingAsync(f);

        var first = await ProcessAsync(f, batch);
        var again = await ProcessAsync(f, batch);

        Assert.All(first.Records, r => Assert.Equal(OutcomeKind.Appended, r.Outcome));
        Assert.All(again.Records, r =>
        {
            Assert.Equal(OutcomeKind.Unchanged, r.Outcome);
            Assert.Contains("Activity already recorded", r.Reason, StringComparison.Ordinal);
        });
        var activities = await SqliteTables.RowsAsync(f.CrmPath, "activities");
        var contacts = await f.ContactsAsync();
        Assert.Equal(2, activities.Count);
        Assert.Equal(contacts.Select(c => c["id"]).Order(), activities.Select(a => a["record_id"]).Order());
        Assert.Single(activities, a => a["details"]!.Contains("Annie", StringComparison.Ordinal));
        Assert.Single(activities, a => a["details"]!.Contains("Bobby", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_read_again_after_a_crash_creates_its_new_records_again_instead_of_appending_to_them()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build(Append));
        await f.PersonAsync("ann", "ann@example.com");
        await f.PersonAsync("bob", "bob@example.com", first: "Bob");
        var batch = await WaitingAsync(f);

        var first = await ProcessAsync(f, batch);
        var again = await ProcessAsync(f, batch);

        Assert.All(first.Records, r => Assert.Equal(OutcomeKind.Created, r.Outcome));
        Assert.All(again.Records, r =>
        {
            Assert.Equal(OutcomeKind.Created, r.Outcome);
            Assert.Contains("earlier attempt", r.Reason, StringComparison.Ordinal);
        });
        Assert.Equal(first.Records.Select(r => r.TargetId), again.Records.Select(r => r.TargetId));
        Assert.Empty(await SqliteTables.RowsAsync(f.CrmPath, "activities"));
        Assert.Equal(2, (await f.ContactsAsync()).Count);
    }

    [Fact]
    public async Task A_new_version_of_the_same_source_record_appends_once_more()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build(Append));
        await f.PersonAsync("ann", "ann@example.com");
        await f.RunAsync();
        await f.PersonAsync("web-7", "ann@example.com", first: "Annie");
        var firstEnquiry = await f.RunAsync();
        await f.PersonAsync("web-7", "ann@example.com", first: "Anne");

        var secondEnquiry = await f.RunAsync();

        Assert.Equal((1, 1), (firstEnquiry.Appended, secondEnquiry.Appended));
        var activities = await SqliteTables.RowsAsync(f.CrmPath, "activities");
        Assert.Equal(2, activities.Count);
        Assert.Single(activities, a => a["details"]!.Contains("\"Annie\"", StringComparison.Ordinal));
        Assert.Single(activities, a => a["details"]!.Contains("\"Anne\"", StringComparison.Ordinal));
        Assert.Equal("Ann", Assert.Single(await f.ContactsAsync())["first_name"]);
    }

    /// <summary>The source records after the flow's cursor, as the next run would read them.</summary>
    private static async Task<IReadOnlyList<ConnectorRecord>> WaitingAsync(SyncFlowFixture f)
    {
        var (plan, connectors) = await PlanAsync(f);
        var cursor = await f.Host.QueryAsync(db => db.FlowCursors.Where(c => c.FlowId == SyncScenario.Flow).Select(c => c.Cursor).FirstOrDefaultAsync());
        await using var source = connectors.Open(plan.Source);
        return (await source.ReadChangesAsync(plan.BusinessObject.Key, cursor, 100, CancellationToken.None)).Records;
    }

    /// <summary>Processes and writes the batch as a run does, without recording it (the crash comes right after the write).</summary>
    private static async Task<BatchResult> ProcessAsync(SyncFlowFixture f, IReadOnlyList<ConnectorRecord> batch)
    {
        var (plan, connectors) = await PlanAsync(f);
        await using var target = connectors.Open(plan.Target);
        await using var scope = f.Host.Services.CreateAsyncScope();
        var processor = new BatchProcessor(plan, target, scope.ServiceProvider.GetRequiredService<CrosswalkStore>(), TimeProvider.System);
        return await processor.ProcessAsync(batch, dryRun: false, new HashSet<string>(), CancellationToken.None);
    }

    private static async Task<(FlowPlan Plan, IConnectorFactory Connectors)> PlanAsync(SyncFlowFixture f)
    {
        var configuration = (await f.Host.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Configuration;
        var (plan, error) = FlowPlan.For(configuration, SyncScenario.Flow);
        return (plan ?? throw new InvalidOperationException(error), f.Host.Services.GetRequiredService<IConnectorFactory>());
    }
}
