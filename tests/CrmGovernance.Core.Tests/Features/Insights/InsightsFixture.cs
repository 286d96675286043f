using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using static CrmGovernance.Core.Tests.Features.Insights.InsightsScenario;

namespace CrmGovernance.Core.Tests.Features.Insights;

/// <summary>
/// A hand-counted week (the 7 days to Monday 2 March 2026) and the week before it, with every event the portal would raise.
/// The expected figures are written out in <see cref="InsightsFigureTests"/>.
/// </summary>
internal static class InsightsFixture
{
    public static readonly DateTime Day1 = new(2026, 2, 25, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime BaselineDay = new(2026, 2, 18, 0, 0, 0, DateTimeKind.Utc);
    public const string Reason = "email: is not an email address";

    public static async Task<List<(OperationsEvent Event, DateTime At)>> SeedAsync(InsightsScenario s)
    {
        var events = new List<(OperationsEvent, DateTime)>();
        string Both(string email, string last) => $$"""{"email":"{{email}}","last_name":"{{last}}","first_name":"X"}""";
        var a = Day1.AddHours(10);
        events.Add((await s.RunAsync(WebForm, a,
        [
            Outcome(OutcomeKind.Created, sourceCreated: a.AddSeconds(10 - 60), after: Both("a@x.com", "Lee")),
            Outcome(OutcomeKind.Created, sourceCreated: a.AddSeconds(10 - 120), after: Both("b@x.com", "Ray")),
            Outcome(OutcomeKind.Created, sourceCreated: a.AddSeconds(10 - 3600), after: Both("c@x.com", " ")),
            Outcome(OutcomeKind.Updated, match: "Key", after: Both("d@x.com", "Fox")),
            Outcome(OutcomeKind.Rejected, reason: "email: 'x' is not an email address. Fix the form."),
            Outcome(OutcomeKind.Rejected, reason: "email: 'y' is not an email address."),
            Outcome(OutcomeKind.Queued, reason: "Possible duplicate", match: "Fuzzy"),
        ], trigger: SyncTrigger.Schedule, dueUtc: a.AddMinutes(-1)), a.AddMinutes(1)));
        var b = Day1.AddDays(2).AddHours(12);
        events.Add((await s.RunAsync(WebForm, b,
        [
            Outcome(OutcomeKind.Created, sourceCreated: b.AddSeconds(10 - 7200), after: Both("e@x.com", "Ng")),
            Outcome(OutcomeKind.Failed, reason: "CRM timed out"),
        ], SyncRunStatus.CompletedWithErrors, SyncTrigger.Schedule, dueUtc: b.AddMinutes(-10)), b.AddMinutes(1)));
        var c = Day1.AddDays(4).AddHours(8);
        events.Add((await s.RunAsync(Orders, c, [], SyncRunStatus.Failed), c.AddMinutes(1)));
        var baseline = BaselineDay.AddHours(9);
        events.Add((await s.RunAsync(WebForm, baseline,
        [
            Outcome(OutcomeKind.Created, sourceCreated: baseline.AddSeconds(10 - 7200), after: Both("f@x.com", "Oz")),
            Outcome(OutcomeKind.Created, sourceCreated: baseline.AddSeconds(10 - 14400), after: Both("g@x.com", "Li")),
        ]), baseline.AddMinutes(1)));

        var queuedAt = a.AddMinutes(1);
        var decidedAt = Day1.AddDays(1).AddHours(15);
        await s.WriteAsync(db =>
        {
            db.ReviewItems.AddRange(
                Review("l1", queuedAt, null, null), Review("l2", queuedAt, decidedAt, 90));
            db.ErrorQueueItems.AddRange(Enumerable.Range(1, 3).Select(i => new ErrorQueueItem
            {
                Kind = ErrorKind.Rejected, FlowId = WebForm, SystemKey = "website", ObjectKey = "contact", SourceId = "e" + i, Reason = "r", Payload = "{}", CreatedUtc = queuedAt,
            }));
            db.DuplicateScans.Add(new DuplicateScan
            {
                SystemId = DemoConfiguration.Crm, ObjectId = StandardObjects.Contact, Status = ScanStatus.Completed, RequestedBy = "steward", RequestedUtc = Day1.AddDays(3),
                StartedUtc = Day1.AddDays(3), FinishedUtc = Day1.AddDays(3).AddMinutes(5), RecordsRead = 1000, DuplicateRecords = 50,
            });
            db.Set<Incident>().AddRange(
                Incident("i1", a, acknowledged: a.AddMinutes(30), resolved: a.AddHours(2), IncidentEnding.Resolved, breached: true),
                Incident("i2", Day1.AddDays(3), acknowledged: null, resolved: Day1.AddDays(4), IncidentEnding.Expired, breached: false));
        });
        events.Add((new RecordsQueuedForReview(DemoConfiguration.Crm, StandardObjects.Contact, 2, 1, null), queuedAt));
        events.Add((new ReviewItemsDecided(DemoConfiguration.Crm, StandardObjects.Contact, 1), decidedAt));
        events.Add((new ErrorQueueItemsAdded(WebForm, 3, 1), queuedAt));
        var ids = await s.QueryAsync(db => Task.FromResult((db.DuplicateScans.Select(x => x.Id).Single(), db.Set<Incident>().OrderBy(i => i.Id).Select(i => i.Id).ToList())));
        events.Add((new ScanFinished(ids.Item1, "Completed"), Day1.AddDays(3).AddMinutes(5)));
        events.AddRange(ids.Item2.Select(id => ((OperationsEvent)new IncidentChanged(id, IncidentChanges.Resolved, "High", "t", [], false), Day1.AddDays(4))));
        return events;
    }

    public static async Task DeliverAsync(InsightsScenario s, IEnumerable<(OperationsEvent Event, DateTime At)> events)
    {
        foreach (var (e, at) in events)
        {
            await s.DeliverAsync(e, at);
        }
    }

    private static ReviewItem Review(string left, DateTime created, DateTime? decided, double? seconds) => new()
    {
        SystemId = DemoConfiguration.Crm, ObjectId = StandardObjects.Contact, FlowId = WebForm, LeftRecordId = left, RightRecordId = "r", Score = 0.8, CreatedUtc = created,
        Status = decided is null ? ReviewStatus.Open : ReviewStatus.Merged, DecidedUtc = decided, DecidedBy = decided is null ? null : "steward@example.com", HandlingSeconds = seconds,
    };

    private static Incident Incident(string key, DateTime opened, DateTime? acknowledged, DateTime resolved, IncidentEnding ending, bool breached) => new()
    {
        FoldKey = key, Cause = IncidentCause.RunFailed, Severity = IncidentSeverity.High, State = IncidentState.Closed, Ending = ending, Title = key, FlowId = WebForm,
        ObjectId = StandardObjects.Contact, SystemId = DemoConfiguration.Website, FirstSeenUtc = opened, LastSeenUtc = opened, OpenedUtc = opened, AcknowledgedUtc = acknowledged,
        ResolvedUtc = resolved, ClosedUtc = resolved, AcknowledgeDueUtc = opened.AddMinutes(15), ResolveDueUtc = opened.AddHours(1), ResolveBreached = breached,
        ConfigurationVersion = 1,
    };
}
