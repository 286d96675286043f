using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

public sealed class SyncRuleAndQueueTests
{
    [Fact]
    public async Task An_invalid_record_waits_in_the_error_queue_and_a_replay_after_the_fix_creates_it()
    {
        var configuration = SyncScenario.Build();
        await using var f = await SyncFlowFixture.StartAsync(configuration);
        await f.PersonAsync("a", "a@example.com", "ann", last: null);
        await f.PersonAsync("b", "b@example.com");

        var run = await f.RunAsync();

        Assert.Equal((1, 1, SyncRunStatus.CompletedWithErrors), (run.Created, run.Rejected, run.Status));
        var item = await f.Host.QueryAsync(db => db.ErrorQueueItems.SingleAsync());
        Assert.Equal((ErrorKind.Rejected, ErrorStatus.Open, "a"), (item.Kind, item.Status, item.SourceId));
        Assert.Contains("last_name is required", item.Reason, StringComparison.Ordinal);
        Assert.Contains("last_name is required", run.RejectionReasonsJson, StringComparison.Ordinal);

        // The fix: unknown last names become "Unknown".
        var lastName = configuration.Mappings.Single(m => m.TargetField == "last_name");
        await f.Host.PublishAsync(configuration with
        {
            Mappings = [.. configuration.Mappings.Where(m => m != lastName), lastName with { Transforms = [.. lastName.Transforms, Transform.Of(TransformKind.DefaultIfEmpty, ("value", "Unknown"))] }],
        });
        var replay = await f.Host.Runner.ReplayAsync(SyncScenario.Flow, null, "tester", ActorContext.System("tester"), CancellationToken.None);

        Assert.Equal((1, 0, 2), (replay.Created, replay.Rejected, replay.ConfigurationVersion));
        Assert.Contains(await f.ContactsAsync(), c => c["last_name"] == "Unknown");
        var resolved = await f.Host.QueryAsync(db => db.ErrorQueueItems.SingleAsync());
        Assert.Equal(ErrorStatus.Resolved, resolved.Status);
        Assert.Equal($"run #{replay.Id}", resolved.ResolvedBy);
    }

    [Fact]
    public async Task A_record_the_target_refuses_fails_while_the_rest_of_its_batch_is_written()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("ok", "ok@example.com");
        await f.PersonAsync("long", "long@example.com", first: new string('x', 45));

        var run = await f.RunAsync();

        Assert.Equal((1, 1, SyncRunStatus.CompletedWithErrors), (run.Created, run.Failed, run.Status));
        var item = await f.Host.QueryAsync(db => db.ErrorQueueItems.SingleAsync());
        Assert.Equal((ErrorKind.Failed, "long"), (item.Kind, item.SourceId));
        Assert.Single(await f.ContactsAsync());
        Assert.Equal(0, await f.Host.QueryAsync(db => db.CrosswalkLinks.CountAsync(l => l.SourceId == "long")));
    }

    [Fact]
    public async Task A_run_stops_as_aborted_once_more_records_fail_than_the_limit()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build(), new Dictionary<string, string?> { ["Sync:MaxFailedRecords"] = "3", ["Sync:BatchSize"] = "5" });
        for (var i = 0; i < 30; i++)
        {
            await f.PersonAsync($"p{i}", $"p{i}@example.com", first: new string('x', 45));
        }

        var run = await f.RunAsync();

        Assert.Equal(SyncRunStatus.Aborted, run.Status);
        Assert.Equal(5, run.Failed);
        Assert.Contains("limit is 3", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_matched_record_under_an_append_rule_logs_an_activity_on_the_existing_contact()
    {
        var append = SyncScenario.Rule("Existing email appends the enquiry", RuleTriggerKind.MatchedExisting,
            new RuleAction { Kind = RuleActionKind.UpdateOwnedFieldsOnly }, new RuleAction { Kind = RuleActionKind.AppendActivity });
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build(append));
        await f.PersonAsync("first", "ann@example.com");
        await f.RunAsync();
        await f.PersonAsync("second", "ann@example.com", first: "Annie");

        var run = await f.RunAsync();

        Assert.Equal(1, run.Appended);
        var contact = Assert.Single(await f.ContactsAsync());
        Assert.Equal("Ann", contact["first_name"]);
        var activity = Assert.Single(await SqliteTables.RowsAsync(f.CrmPath, "activities"));
        Assert.Equal(contact["id"], activity["record_id"]);
        Assert.Contains("Annie", activity["details"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_rule_holds_the_record_until_a_replay_releases_it()
    {
        var review = SyncScenario.Rule("New contacts without a phone are checked", RuleTriggerKind.Created, new RuleAction { Kind = RuleActionKind.RouteToReview }) with
        {
            Conditions = [new RuleCondition { Field = "phone", Operator = ConditionOperator.IsEmpty }],
        };
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build(review));
        await f.PersonAsync("held", "held@example.com", phone: null);
        await f.PersonAsync("passes", "passes@example.com", phone: "+44 20 7946 0000");

        var run = await f.RunAsync();

        Assert.Equal((1, 1), (run.Queued, run.Created));
        var item = await f.Host.QueryAsync(db => db.ErrorQueueItems.SingleAsync());
        Assert.Equal(ErrorKind.Review, item.Kind);
        var replay = await f.Host.Runner.ReplayAsync(SyncScenario.Flow, [item.Id], "steward", ActorContext.System("steward"), CancellationToken.None);
        Assert.Equal(1, replay.Created);
        Assert.Equal(2, (await f.ContactsAsync()).Count);
        Assert.Equal(ErrorStatus.Resolved, (await f.Host.QueryAsync(db => db.ErrorQueueItems.SingleAsync())).Status);
    }
}
