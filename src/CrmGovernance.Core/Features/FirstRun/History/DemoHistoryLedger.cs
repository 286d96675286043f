using System.Globalization;
using System.Text.Json;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Insights.Sources;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Features.FirstRun.History;

/// <summary>
/// The demo's generated past, in memory: runs of the three demo flows with their record outcomes and the queue items they
/// caused, weekly duplicate scans of the CRM's contacts, and a few incidents. It must not contradict the live demo: no run
/// for a poll that read nothing, no more contacts than the demo CRM holds, match scores and outcomes as the demo's match
/// rule decides them, and no merge or change of a live record (what only the history knows has a history-only id,
/// <see cref="DemoHistoryMarks"/>). One fixed seed, so two demos started at the
/// same moment get the same history. Before go-live the business hurts (hours to reach sales, duplicates, more manual
/// handling and rejections); after it, less.
/// </summary>
internal sealed partial class DemoHistoryLedger
{
    public const int Seed = 1_616;
    public const string RunMessage = "Demo history: generated at the demo's first start so the insights dashboard has a past; not a real run.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string Steward = DemoAccounts.All.First(a => a.Role == Access.Roles.Steward).Email;

    private readonly Random _random = new(Seed);
    private readonly DemoHistoryTimeline _time;
    private readonly GovernanceConfiguration _live;

    private DemoHistoryLedger(GovernanceConfiguration live, DemoHistoryTimeline time)
    {
        (_live, _time) = (live, time);
        Leads();
        Orders();
        Opportunities();
        Scans();
        AddIncidents();
    }

    public List<HistoryRun> Runs { get; } = [];
    public List<HistoryScan> DuplicateScans { get; } = [];
    public List<HistoryIncident> Incidents { get; } = [];

    public static DemoHistoryLedger Build(GovernanceConfiguration live, DemoHistoryTimeline time) => new(live, time);

    private DataFlow Flow(Guid id) => _live.FindFlow(id) ?? throw new InvalidOperationException("The demo configuration lacks flow " + id);

    private HistoryRun StartRun(Guid flowId, SyncTrigger trigger, DateTime startedUtc, DateTime? dueUtc, bool leads = false, bool holds = false)
    {
        var run = new HistoryRun(new SyncRun
        {
            FlowId = flowId, FlowName = Flow(flowId).Name, ConfigurationVersion = _time.VersionAt(startedUtc), Trigger = trigger,
            StartedBy = DemoHistory.StartedBy, Message = RunMessage, StartedUtc = startedUtc, DueUtc = dueUtc, HeartbeatUtc = startedUtc,
        }) { IsLeadFlow = leads, QueuesToErrors = holds };
        Runs.Add(run);
        return run;
    }

    /// <summary>Counters from the outcomes, so a run's figures and its records agree; a failed run read nothing.</summary>
    private static void Finish(HistoryRun history, DateTime finishedUtc, SyncRunStatus? failed = null, string? failure = null)
    {
        var run = history.Run;
        run.FinishedUtc = run.HeartbeatUtc = finishedUtc;
        run.Read = history.Outcomes.Count;
        run.Created = history.Outcomes.Count(o => o.Outcome == OutcomeKind.Created);
        run.Updated = history.Outcomes.Count(o => o.Outcome == OutcomeKind.Updated);
        run.Unchanged = history.Outcomes.Count(o => o.Outcome == OutcomeKind.Unchanged);
        run.Appended = history.Outcomes.Count(o => o.Outcome == OutcomeKind.Appended);
        run.Queued = history.Outcomes.Count(o => o.Outcome == OutcomeKind.Queued);
        run.Rejected = history.Outcomes.Count(o => o.Outcome == OutcomeKind.Rejected);
        run.Failed = history.Outcomes.Count(o => o.Outcome == OutcomeKind.Failed);
        run.DuplicatesPrevented = history.Outcomes.Count(o => RunContribution.PreventedDuplicate(o.Match, o.Outcome));
        var leads = history.Outcomes.Where(o => o.Outcome == OutcomeKind.Created && o.SourceCreatedUtc is not null && history.IsLeadFlow).ToList();
        run.LeadResponseCount = leads.Count;
        run.LeadResponseMillisecondsTotal = (long)leads.Sum(o => Math.Max(0, (o.AtUtc - o.SourceCreatedUtc!.Value).TotalMilliseconds));
        run.RejectionReasonsJson = JsonSerializer.Serialize(history.Outcomes.Where(o => o.Outcome == OutcomeKind.Rejected)
            .GroupBy(o => RejectionReasons.Key(o.Reason)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
        run.Status = failed ?? (run.Rejected + run.Failed > 0 ? SyncRunStatus.CompletedWithErrors : SyncRunStatus.Succeeded);
        run.Message = failure is null ? RunMessage : failure + " " + RunMessage;
    }

    private RecordOutcome Outcome(HistoryRun run, OutcomeKind kind, string sourceId, string? targetId, DateTime atUtc, object? after = null,
        string? reason = null, string? match = null, DateTime? sourceCreatedUtc = null, double? score = null)
    {
        var outcome = new RecordOutcome
        {
            SourceId = sourceId, TargetId = targetId, Outcome = kind, Reason = reason, AtUtc = atUtc, Match = match, SourceCreatedUtc = sourceCreatedUtc,
            AfterJson = after is null ? null : JsonSerializer.Serialize(after, Json),
            // As the engine: the match rule's probability when it scored a candidate; a match key has none.
            MatchScore = score,
        };
        run.Outcomes.Add(outcome);
        if (kind is OutcomeKind.Rejected or OutcomeKind.Failed || (kind == OutcomeKind.Queued && run.QueuesToErrors))
        {
            run.Errors.Add(ErrorItem(run, outcome, kind switch { OutcomeKind.Rejected => ErrorKind.Rejected, OutcomeKind.Failed => ErrorKind.Failed, _ => ErrorKind.Review }));
        }
        return outcome;
    }

    /// <summary>A rejected, failed or held record in the error queue, fixed or released by the steward some hours later.</summary>
    private ErrorQueueItem ErrorItem(HistoryRun run, RecordOutcome outcome, ErrorKind kind)
    {
        var flow = Flow(run.Run.FlowId);
        var resolved = Min(outcome.AtUtc.AddHours(1 + (_random.NextDouble() * (_time.AfterGoLive(outcome.AtUtc) ? 20 : 60))), _time.EndUtc);
        return new ErrorQueueItem
        {
            Kind = kind, Status = ErrorStatus.Resolved, FlowId = flow.Id, SystemKey = _live.FindSystem(flow.SourceSystemId)?.Key ?? "",
            ObjectKey = _live.FindObject(flow.ObjectId)?.Key ?? "", SourceId = outcome.SourceId, Reason = outcome.Reason ?? "Held for review.",
            Payload = JsonSerializer.Serialize(new { id = outcome.SourceId, note = "demo history" }, Json), ContentType = "application/json",
            Attempts = kind == ErrorKind.Review ? 1 : 1 + _random.Next(2), CreatedUtc = outcome.AtUtc, LastAttemptUtc = resolved, ResolvedUtc = resolved,
            ResolvedBy = Steward,
        };
    }

    /// <summary>How long a steward had an item open: minutes before go-live (side by side in two systems), less after.</summary>
    private double? HandlingSeconds(DateTime decidedUtc) =>
        _random.Next(10) == 0 ? null : Math.Round(_time.AfterGoLive(decidedUtc) ? 35 + (_random.NextDouble() * 150) : 120 + (_random.NextDouble() * 420));

    private bool Chance(double before, double after, DateTime atUtc) => _random.NextDouble() < (_time.AfterGoLive(atUtc) ? after : before);

    private DateTime Seconds(DateTime from, double min, double max) => from.AddSeconds(min + (_random.NextDouble() * (max - min)));

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double probability) => probability.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>"C-00042": the demo CRM's contact at <paramref name="index"/> (0-based), as it holds it today.</summary>
    private static string ContactId(int index) => "C-" + (index + 1).ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Every day of the history, at midnight UTC.</summary>
    private IEnumerable<DateTime> HistoryDays()
    {
        for (var day = _time.StartUtc; day < _time.EndUtc; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}

/// <summary>A generated run with what it left behind; ids are set once the run is saved.</summary>
internal sealed record HistoryRun(SyncRun Run)
{
    public List<RecordOutcome> Outcomes { get; } = [];
    public List<ErrorQueueItem> Errors { get; } = [];
    public List<ReviewItem> Reviews { get; } = [];
    public bool IsLeadFlow { get; init; }
    /// <summary>Whether a queued record waits in the error queue (held by a rule) rather than the review queue (a fuzzy match).</summary>
    public bool QueuesToErrors { get; init; }
}

internal sealed record HistoryScan(DuplicateScan Scan, List<ReviewItem> Reviews);

internal sealed record HistoryIncident(Incident Incident, List<IncidentEntry> Entries);
