using CrmGovernance.Core.Access;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using static CrmGovernance.Core.Tests.Features.Insights.InsightsScenario;

namespace CrmGovernance.Core.Tests.Features.Insights;

/// <summary>
/// The figures runs do not make (queues, steward time, scans, incidents) drill down to exactly the units counted: the
/// hand-counted week of <see cref="InsightsFixture"/>, plus units of another owner's object in the week and of contacts in
/// the week before, which a filter or a scope must leave out.
/// </summary>
public sealed class InsightsDrillItemsTests
{
    private static readonly DateTime InWeek = InsightsFixture.Day1.AddDays(1).AddHours(3);
    private static readonly DateTime WeekBefore = InsightsFixture.BaselineDay.AddHours(11);

    [Theory]
    [InlineData(InsightCards.ReviewPerThousand, 2)]
    [InlineData(InsightCards.StewardTime, 1)]
    [InlineData(InsightCards.ErrorsPerThousand, 3)]
    [InlineData(InsightCards.DuplicateRate, 1)]
    [InlineData(InsightCards.IncidentsOpened, 2)]
    [InlineData(InsightCards.Mtta, 1)]
    [InlineData(InsightCards.Mttr, 2)]
    [InlineData(InsightCards.SlaBreaches, 1)]
    [InlineData(InsightCards.ExpiredShare, 2)]
    public async Task The_units_listed_behind_a_figure_are_exactly_those_it_counts_for_the_object_and_period(string card, int expected)
    {
        await using var s = await SeededAsync();
        var filter = InsightsFilter.LastDays(s.Today, 7) with { ObjectId = StandardObjects.Contact };
        var figure = (await s.DashboardAsync(filter)).Card(card)!.Value;

        var items = await ItemsAsync(s, Manager, Roles.Manager, new DrillQuery(card, filter));

        Assert.Equal(expected, items.Total);
        Assert.Equal(expected, items.Items.Count);
        Assert.NotNull(figure);
        Assert.Equal(figure!.Value, items.Figure!.Value, 6);
        Assert.All(items.Items, i => Assert.DoesNotContain("outside", i.Title, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(InsightCards.ReviewPerThousand, 3)]
    [InlineData(InsightCards.StewardTime, 2)]
    [InlineData(InsightCards.ErrorsPerThousand, 4)]
    [InlineData(InsightCards.DuplicateRate, 2)]
    [InlineData(InsightCards.IncidentsOpened, 3)]
    [InlineData(InsightCards.Mttr, 3)]
    [InlineData(InsightCards.SlaBreaches, 2)]
    public async Task Without_filters_a_manager_sees_every_object_and_a_business_owner_only_their_own(string card, int everything)
    {
        await using var s = await SeededAsync();
        var week = InsightsFilter.LastDays(s.Today, 7);
        var query = new DrillQuery(card, week);

        var manager = await ItemsAsync(s, Manager, Roles.Manager, query);
        var owner = await ItemsAsync(s, ChangeControlScenario.Owner, Roles.BusinessOwner, query);
        var ownersFigure = (await s.DashboardAsync(week, ChangeControlScenario.Owner, Roles.BusinessOwner)).Card(card)!.Value;

        Assert.Equal(everything, manager.Total);
        Assert.Equal((await s.DashboardAsync(week)).Card(card)!.Value!.Value, manager.Figure!.Value, 6);
        Assert.Equal(everything - 1, owner.Total);
        Assert.DoesNotContain(owner.Items, i => i.Title.Contains("outside", StringComparison.Ordinal) || i.Subject.Contains("Opportunit", StringComparison.Ordinal));
        Assert.Equal(ownersFigure!.Value, owner.Figure!.Value, 6);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            ItemsAsync(s, ChangeControlScenario.Owner, Roles.BusinessOwner, query with { Filter = week with { ObjectId = StandardObjects.Opportunity } }));
    }

    [Fact]
    public async Task A_flow_filter_keeps_that_flows_items_and_no_scan_and_the_totals_carry_the_sums()
    {
        await using var s = await SeededAsync();
        var week = InsightsFilter.LastDays(s.Today, 7) with { FlowId = WebForm };

        var review = await ItemsAsync(s, Manager, Roles.Manager, new DrillQuery(InsightCards.ReviewPerThousand, week));
        var steward = await ItemsAsync(s, Manager, Roles.Manager, new DrillQuery(InsightCards.StewardTime, week));
        var scans = await ItemsAsync(s, Manager, Roles.Manager, new DrillQuery(InsightCards.DuplicateRate, week));
        var mttr = await ItemsAsync(s, Manager, Roles.Manager, new DrillQuery(InsightCards.Mttr, week));
        var expired = await ItemsAsync(s, Manager, Roles.Manager, new DrillQuery(InsightCards.ExpiredShare, week));

        Assert.Equal(["l1", "l2"], review.Items.Select(i => i.Title.Split(' ')[1]).Order());
        Assert.Equal(9, review.Processed);
        Assert.Equal((1, 90.0), (steward.Total, steward.Counted));
        Assert.Equal((0, (double?)null), (scans.Total, scans.Figure));
        Assert.Equal((2, 7200 + 86400.0, 2.0), (mttr.Total, mttr.Counted, mttr.Of!.Value));
        Assert.Equal((1.0, 2.0), (expired.Counted, expired.Of!.Value));
        var page = await ItemsAsync(s, Manager, Roles.Manager, new DrillQuery(InsightCards.Mttr, week), page: 1, size: 1);
        Assert.Equal((2, 1), (page.Total, page.Items.Count));
        await Assert.ThrowsAsync<ArgumentException>(() => ItemsAsync(s, Manager, Roles.Manager, new DrillQuery(InsightCards.RecordsMoved, week)));
    }

    private static Task<DrillItems> ItemsAsync(InsightsScenario s, string name, string role, DrillQuery query, int page = 0, int size = 50) =>
        s.AsAsync<InsightsDrill, DrillItems>(name, [role], d => d.ItemsAsync(query, page, size));

    /// <summary>The fixture's week, one unit of each kind for opportunities in it, and one of each for contacts the week before.</summary>
    private static async Task<InsightsScenario> SeededAsync()
    {
        var s = await InsightsScenario.StartAsync();
        await InsightsFixture.DeliverAsync(s, await InsightsFixture.SeedAsync(s));
        await s.WriteAsync(db =>
        {
            db.ReviewItems.AddRange(Review(StandardObjects.Opportunity, Opportunities, InWeek), Review(StandardObjects.Contact, WebForm, WeekBefore));
            db.ErrorQueueItems.AddRange(Error(Opportunities, InWeek), Error(WebForm, WeekBefore));
            db.DuplicateScans.Add(new DuplicateScan
            {
                SystemId = DemoConfiguration.Crm, ObjectId = StandardObjects.Opportunity, Status = ScanStatus.Completed, RequestedBy = "steward", RequestedUtc = InWeek,
                StartedUtc = InWeek, FinishedUtc = InWeek, RecordsRead = 200, DuplicateRecords = 40,
            });
            db.Set<Incident>().AddRange(Incident("outside-opportunity", StandardObjects.Opportunity, Opportunities, InWeek),
                Incident("outside-before", StandardObjects.Contact, WebForm, WeekBefore));
        });
        foreach (var (objectId, flow, at) in new[] { (StandardObjects.Opportunity, Opportunities, InWeek), (StandardObjects.Contact, WebForm, WeekBefore) })
        {
            await s.DeliverAsync(new RecordsQueuedForReview(DemoConfiguration.Crm, objectId, 1, null, null), at);
            await s.DeliverAsync(new ReviewItemsDecided(DemoConfiguration.Crm, objectId, 1), at.AddHours(1));
            await s.DeliverAsync(new ErrorQueueItemsAdded(flow, 1, null), at);
        }
        var scan = await s.QueryAsync(db => Task.FromResult(db.DuplicateScans.Max(x => x.Id)));
        await s.DeliverAsync(new ScanFinished(scan, "Completed"), InWeek);
        var incidents = await s.QueryAsync(db => Task.FromResult(db.Set<Incident>().Where(i => i.FoldKey.StartsWith("outside")).Select(i => i.Id).ToList()));
        foreach (var id in incidents)
        {
            await s.DeliverAsync(new IncidentChanged(id, IncidentChanges.Resolved, "High", "t", [], false), InWeek.AddDays(1));
        }
        return s;
    }

    private static ReviewItem Review(Guid objectId, Guid flow, DateTime at) => new()
    {
        SystemId = DemoConfiguration.Crm, ObjectId = objectId, FlowId = flow, LeftRecordId = "outside", RightRecordId = "r", Score = 0.8, CreatedUtc = at,
        Status = ReviewStatus.NotDuplicate, DecidedUtc = at.AddHours(1), DecidedBy = "steward@example.com", HandlingSeconds = 30,
    };

    private static ErrorQueueItem Error(Guid flow, DateTime at) => new()
    {
        Kind = ErrorKind.Failed, FlowId = flow, SystemKey = "crm", ObjectKey = "x", SourceId = "outside", Reason = "r", Payload = "{}", CreatedUtc = at,
    };

    private static Incident Incident(string key, Guid objectId, Guid flow, DateTime opened) => new()
    {
        FoldKey = key, Cause = IncidentCause.RunFailed, Severity = IncidentSeverity.High, State = IncidentState.Closed, Ending = IncidentEnding.Expired, Title = key,
        FlowId = flow, ObjectId = objectId, SystemId = DemoConfiguration.Crm, FirstSeenUtc = opened, LastSeenUtc = opened, OpenedUtc = opened,
        AcknowledgedUtc = opened.AddMinutes(5), ResolvedUtc = opened.AddHours(3), ClosedUtc = opened.AddHours(3), AcknowledgeDueUtc = opened.AddMinutes(15),
        ResolveDueUtc = opened.AddHours(1), ResolveBreached = true, ConfigurationVersion = 1,
    };
}
