using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>Pairs between the thresholds: the record is created and the pair waits for a steward.</summary>
public sealed class FuzzyReviewTests
{
    [Fact]
    public async Task A_possible_duplicate_is_created_and_its_pair_filed_in_the_review_queue()
    {
        await using var f = await SyncFlowFixture.StartAsync(FuzzyScenario.WithStewardRule());
        await FuzzyScenario.CrmContactAsync(f, "crm-7", "robert.smith@gmail.com", "Robert", "Smith", "+442079460001");
        await PossibleDuplicateAsync(f, "web-1");

        var run = await f.RunAsync();

        var outcome = await FuzzyScenario.OutcomeAsync(f, run, "web-1");
        Assert.Equal((1, 0), (run.Created, run.DuplicatesPrevented));
        Assert.Equal(2, (await f.ContactsAsync()).Count);
        Assert.InRange(outcome.MatchScore ?? 0, FuzzyScenario.StewardRule.ReviewThreshold, FuzzyScenario.StewardRule.AutoMatchThreshold - 1e-9);
        Assert.Equal("Possible duplicate of crm-7 (0.80): sent to the review queue.", outcome.Reason);
        var item = await f.Host.QueryAsync(db => db.ReviewItems.AsNoTracking().SingleAsync());
        Assert.Equal((outcome.TargetId, "crm-7", SyncScenario.Flow, run.Id, ReviewStatus.Open),
            (item.LeftRecordId, item.RightRecordId, item.FlowId, item.RunId, item.Status));
        Assert.Equal(outcome.MatchScore!.Value, item.Score, 6);
    }

    [Fact]
    public async Task A_pair_marked_not_a_duplicate_is_not_filed_again()
    {
        await using var f = await SyncFlowFixture.StartAsync(FuzzyScenario.WithStewardRule());
        await FuzzyScenario.CrmContactAsync(f, "crm-7", "robert.smith@gmail.com", "Robert", "Smith", "+442079460001");
        await PossibleDuplicateAsync(f, "web-1");
        var first = await f.RunAsync();
        var created = (await FuzzyScenario.OutcomeAsync(f, first, "web-1")).TargetId!;
        await f.Host.QueryAsync(async db =>
        {
            var item = await db.ReviewItems.SingleAsync();
            (item.Status, item.DecidedBy, item.DecidedUtc) = (ReviewStatus.NotDuplicate, "steward", DateTime.UtcNow);
            var (left, right) = string.CompareOrdinal(created, "crm-7") < 0 ? (created, "crm-7") : ("crm-7", created);
            db.MatchExclusions.Add(new MatchExclusion
            {
                SystemId = SyncScenario.Crm, ObjectId = SyncScenario.Contact, LeftRecordId = left, RightRecordId = right, ReviewItemId = item.Id,
                DecidedBy = "steward", DecidedUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        // The new contact is lost from the CRM and its link with it, so the same record arrives as new once more.
        await SqliteTables.ExecuteAsync(f.CrmPath, "DELETE FROM contacts WHERE id = @id", ("@id", created));
        await f.Host.QueryAsync(db => db.CrosswalkLinks.Where(l => l.SourceId == "web-1").ExecuteDeleteAsync());
        await PossibleDuplicateAsync(f, "web-1");

        var again = await f.RunAsync();

        var outcome = await FuzzyScenario.OutcomeAsync(f, again, "web-1");
        Assert.Equal((OutcomeKind.Created, created), (outcome.Outcome, outcome.TargetId));
        Assert.Null(outcome.MatchScore);
        Assert.Null(outcome.Reason);
        Assert.Equal(ReviewStatus.NotDuplicate, (await f.Host.QueryAsync(db => db.ReviewItems.SingleAsync())).Status);
    }

    [Fact]
    public async Task A_replay_goes_through_the_match_rule_and_files_the_pair_it_held()
    {
        var hold = SyncScenario.Rule("New Outlook addresses are checked", RuleTriggerKind.Created, new RuleAction { Kind = RuleActionKind.RouteToReview }) with
        {
            Conditions = [new RuleCondition { Field = "email", Operator = ConditionOperator.Contains, Value = "@outlook.com" }],
        };
        await using var f = await SyncFlowFixture.StartAsync(FuzzyScenario.WithStewardRule(hold));
        await FuzzyScenario.CrmContactAsync(f, "crm-7", "robert.smith@gmail.com", "Robert", "Smith", "+442079460001");
        await PossibleDuplicateAsync(f, "web-1");
        var run = await f.RunAsync();
        Assert.Equal(1, run.Queued);
        Assert.Equal(0, await f.Host.QueryAsync(db => db.ReviewItems.CountAsync()));

        var item = await f.Host.QueryAsync(db => db.ErrorQueueItems.SingleAsync(i => i.Kind == ErrorKind.Review));
        var replay = await f.Host.Runner.ReplayAsync(SyncScenario.Flow, [item.Id], "steward", ActorContext.System("steward"), CancellationToken.None);

        Assert.Equal(1, replay.Created);
        var outcome = await FuzzyScenario.OutcomeAsync(f, replay, "web-1");
        Assert.NotNull(outcome.MatchScore);
        var review = await f.Host.QueryAsync(db => db.ReviewItems.AsNoTracking().SingleAsync());
        Assert.Equal((outcome.TargetId, "crm-7", replay.Id), (review.LeftRecordId, review.RightRecordId, review.RunId));
    }

    /// <summary>Same name as crm-7, another email, a phone one digit apart: alike enough for a steward to look, not enough to merge (see <see cref="FuzzyScenario.StewardRule"/>).</summary>
    private static Task PossibleDuplicateAsync(SyncFlowFixture f, string id) => f.PersonAsync(id, "rsmith.home@outlook.com", "Robert", "Smith", "020 7946 0002");
}
