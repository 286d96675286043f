using System.Text.Json;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Insights.Sources;

/// <summary>
/// What one finished run adds to the roll-ups, read from the run and its record outcomes (the ledger), all in the hour the
/// run started. The drill-down lists exactly these records: <see cref="Drill.DrillMetric"/> uses the same definitions.
/// Dry runs and runs still going add nothing.
/// </summary>
public static class RunContribution
{
    /// <summary>A scheduled run that starts later than this after its fire time was late.</summary>
    public static readonly TimeSpan OnTimeTolerance = TimeSpan.FromMinutes(5);

    public static string KeyOf(long runId) => "run:" + runId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool Counts(SyncRun run) => !run.DryRun && run.Status != SyncRunStatus.Running;

    public static bool IsOnTime(SyncRun run) =>
        run.Trigger == SyncTrigger.Schedule && run.DueUtc is { } due && run.StartedUtc - due <= OnTimeTolerance
        && run.Status is SyncRunStatus.Succeeded or SyncRunStatus.CompletedWithErrors;

    public static bool IsFailure(SyncRunStatus status) =>
        status is SyncRunStatus.Failed or SyncRunStatus.SystemUnavailable or SyncRunStatus.Aborted or SyncRunStatus.Interrupted;

    /// <summary>A record a flow moved that counts as a duplicate prevented: it matched an existing record by key or by the match rule and went in.</summary>
    public static bool PreventedDuplicate(string? match, OutcomeKind outcome) =>
        match is "Key" or "Fuzzy" && outcome is not OutcomeKind.Rejected and not OutcomeKind.Queued;

    public static async Task<IReadOnlyList<ContributionItem>> ComputeAsync(CrmDbContext db, VersionSnapshots versions, long runId, CancellationToken ct)
    {
        var run = await db.SyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || !Counts(run))
        {
            return [];
        }
        var configuration = await versions.GetAsync(db, run.ConfigurationVersion, ct);
        var outcomes = await db.RecordOutcomes.AsNoTracking().Where(o => o.RunId == runId)
            .Select(o => new OutcomeRow(o.Outcome, o.Outcome == OutcomeKind.Rejected ? o.Reason : null, o.Match, o.SourceCreatedUtc, o.AtUtc,
                o.Outcome == OutcomeKind.Created || o.Outcome == OutcomeKind.Updated ? o.AfterJson : null))
            .ToListAsync(ct);
        return Compute(run, configuration, outcomes);
    }

    public static IReadOnlyList<ContributionItem> Compute(SyncRun run, GovernanceConfiguration configuration, IReadOnlyList<OutcomeRow> outcomes)
    {
        var subject = FlowSubject.Of(configuration, run.FlowId);
        var items = new List<ContributionItem>();
        void Add(string metric, double value, string dimension = "") =>
            items.Add(new ContributionItem(metric, subject.FlowId, subject.ObjectId, subject.SourceId, subject.TargetId, dimension, run.StartedUtc, value));

        Add(InsightMetric.Runs, 1);
        Add(run.Status switch
        {
            SyncRunStatus.Succeeded => InsightMetric.RunsSucceeded,
            SyncRunStatus.CompletedWithErrors => InsightMetric.RunsWithErrors,
            _ => InsightMetric.RunsFailed,
        }, 1);
        if (run.Trigger == SyncTrigger.Schedule && run.DueUtc is not null)
        {
            Add(InsightMetric.Scheduled, 1);
            Add(InsightMetric.ScheduledOnTime, IsOnTime(run) ? 1 : 0);
        }
        var flow = configuration.FindFlow(run.FlowId);
        var leads = flow is not null && LeadResponse.AppliesTo(configuration, flow);
        var mandatory = flow is null ? [] : MandatoryFields(configuration, flow);
        foreach (var o in outcomes)
        {
            Add(InsightMetric.Processed, 1);
            Add(OutcomeMetric(o.Outcome), 1);
            if (o.Outcome == OutcomeKind.Rejected)
            {
                Add(InsightMetric.RejectionReason, 1, RejectionReasons.Key(o.Reason));
            }
            if (PreventedDuplicate(o.Match, o.Outcome))
            {
                Add(InsightMetric.DuplicatesPrevented, 1);
            }
            if (leads && o.Outcome == OutcomeKind.Created && o.SourceCreatedUtc is { } created)
            {
                var ms = Math.Max(0, (o.AtUtc - created).TotalMilliseconds);
                Add(InsightMetric.LeadCount, 1);
                Add(InsightMetric.LeadMilliseconds, ms);
                Add(InsightMetric.LeadHistogram, 1, Histogram.Dimension(Histogram.BucketOf(ms / 1000)));
            }
            if (mandatory.Count > 0 && o.AfterJson is not null)
            {
                Add(InsightMetric.MandatoryExpected, mandatory.Count);
                Add(InsightMetric.MandatoryFilled, Filled(o.AfterJson, mandatory));
            }
        }
        return items;
    }

    public static string OutcomeMetric(OutcomeKind outcome) => outcome switch
    {
        OutcomeKind.Created => InsightMetric.Created,
        OutcomeKind.Updated => InsightMetric.Updated,
        OutcomeKind.Unchanged => InsightMetric.Unchanged,
        OutcomeKind.Appended => InsightMetric.Appended,
        OutcomeKind.Queued => InsightMetric.Queued,
        OutcomeKind.Rejected => InsightMetric.Rejected,
        _ => InsightMetric.Failed,
    };

    /// <summary>The target's mandatory fields this flow writes (a written record shows the values of the fields its flow maps).</summary>
    public static IReadOnlyList<string> MandatoryFields(GovernanceConfiguration configuration, DataFlow flow)
    {
        var mapped = configuration.Mappings.Where(m => m.FlowId == flow.Id).Select(m => m.TargetField).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return configuration.FieldsOf(flow.TargetSystemId, flow.ObjectId).Where(f => f.Required && mapped.Contains(f.Name)).Select(f => f.Name).ToList();
    }

    /// <summary>How many of <paramref name="fields"/> hold a non-blank value in a written record's values (a JSON object).</summary>
    public static int Filled(string afterJson, IReadOnlyList<string> fields)
    {
        try
        {
            using var document = JsonDocument.Parse(afterJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return 0;
            }
            var filled = 0;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (fields.Contains(property.Name, StringComparer.OrdinalIgnoreCase) && property.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => false,
                    JsonValueKind.String => !string.IsNullOrWhiteSpace(property.Value.GetString()),
                    _ => true,
                })
                {
                    filled++;
                }
            }
            return Math.Min(filled, fields.Count);
        }
        catch (JsonException)
        {
            return 0;
        }
    }
}

/// <summary>The part of a record outcome the roll-up reads.</summary>
public sealed record OutcomeRow(OutcomeKind Outcome, string? Reason, string? Match, DateTime? SourceCreatedUtc, DateTime AtUtc, string? AfterJson);
