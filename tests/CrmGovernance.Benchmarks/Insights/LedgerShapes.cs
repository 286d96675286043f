using System.Globalization;
using System.Text;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Benchmarks.Insights;

/// <summary>A run to seed: its flow and version, when it started and how, and its records.</summary>
internal sealed record SeedRun(long Id, Guid FlowId, string FlowName, int Version, DateTime StartedUtc, SyncTrigger Trigger, DateTime? DueUtc,
    SyncRunStatus Status, IReadOnlyList<SeedOutcome> Outcomes)
{
    public DateTime FinishedUtc => Outcomes.Count == 0 ? StartedUtc.AddMilliseconds(200) : Outcomes[^1].AtUtc.AddMilliseconds(50);

    public int Count(OutcomeKind kind) => Outcomes.Count(o => o.Outcome == kind);
}

/// <summary>A record outcome to seed.</summary>
internal sealed record SeedOutcome(string SourceId, string? TargetId, OutcomeKind Outcome, string? Reason, string? BeforeJson, string? AfterJson,
    DateTime AtUtc, DateTime? SourceCreatedUtc, string? Match);

/// <summary>
/// What a year of runs looks like, deterministically from a seed: the mix of outcomes (the lead flow appends enquiries to
/// known contacts, the others update more), rejection reasons that carry a record's values in quotes, how records matched,
/// when a lead was submitted (faster after the lead flow's mid-year revision), and mandatory fields left blank now and then.
/// </summary>
internal static class LedgerShapes
{
    private static readonly string[] Reasons =
    [
        "email 'ann@@example' is not a valid email address.", "last_name is required but empty.", "phone '0123' is not a valid phone number for region GB.",
        "status 'pending' is not an allowed value.", "amount '-5.00' must be zero or more.", "contact_email is required but empty.",
        "The target's copy is newer than the source's.", "Blocked by rule 'Closed-lost opportunity suppresses marketing'.",
    ];

    private static readonly string[] Failures = ["Target unavailable: timeout after 30 s.", "HTTP 429 Too Many Requests from the target."];

    private static readonly string[] Names = ["Ann", "Ben", "Chloe", "Dev", "Ewa", "Finn", "Grace", "Hugo", "Isla", "Jon"];

    /// <param name="improved">After the lead flow's revision: fewer rejections, faster leads.</param>
    public static List<SeedOutcome> Outcomes(Random random, long runId, DateTime startedUtc, int count, bool leadFlow, bool withFailures, bool improved,
        IReadOnlyList<(string Field, bool Required)> fields)
    {
        var list = new List<SeedOutcome>(count);
        var rejectShare = leadFlow && improved ? 0.04 : 0.08;
        for (var k = 0; k < count; k++)
        {
            var at = startedUtc.AddMilliseconds((k + 1) * 5);
            var roll = random.NextDouble();
            var kind = withFailures && roll < 0.04 ? OutcomeKind.Failed
                : roll < 0.04 + rejectShare ? OutcomeKind.Rejected
                : roll < 0.065 + rejectShare ? OutcomeKind.Queued
                : roll < 0.35 ? OutcomeKind.Created
                : leadFlow && roll < 0.50 ? OutcomeKind.Appended
                : roll < 0.78 ? OutcomeKind.Updated
                : OutcomeKind.Unchanged;
            var source = "src-" + runId.ToString(CultureInfo.InvariantCulture) + "-" + k.ToString(CultureInfo.InvariantCulture);
            var target = kind is OutcomeKind.Rejected or OutcomeKind.Failed or OutcomeKind.Queued ? null : "t-" + (runId * 131 + k).ToString(CultureInfo.InvariantCulture);
            var reason = kind switch
            {
                OutcomeKind.Rejected => Reasons[random.Next(Reasons.Length)],
                OutcomeKind.Failed => Failures[random.Next(Failures.Length)],
                OutcomeKind.Queued => "Possible duplicate held for a steward.",
                _ => null,
            };
            var match = kind switch
            {
                OutcomeKind.Updated or OutcomeKind.Unchanged or OutcomeKind.Appended => random.NextDouble() switch { < 0.55 => "Linked", < 0.9 => "Key", _ => "Fuzzy" },
                OutcomeKind.Queued => random.NextDouble() < 0.5 ? "Fuzzy" : null,
                _ => null,
            };
            var after = kind is OutcomeKind.Created or OutcomeKind.Updated ? Values(random, fields, k) : null;
            var before = kind == OutcomeKind.Updated ? Values(random, fields, k + 1) : null;
            DateTime? created = leadFlow && kind is not OutcomeKind.Failed ? at.AddSeconds(-LeadSeconds(random, improved)) : null;
            list.Add(new SeedOutcome(source, target, kind, reason, before, after, at, created, match));
        }
        return list;
    }

    /// <summary>Seconds from form submission to the CRM: log-normal, median 90 s (45 s after the revision), a long tail.</summary>
    private static double LeadSeconds(Random random, bool improved)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Exp(Math.Log(improved ? 45 : 90) + 1.2 * normal);
    }

    /// <summary>The written record's values as JSON: every mapped field, a required one blank about one time in sixteen.</summary>
    private static string Values(Random random, IReadOnlyList<(string Field, bool Required)> fields, int k)
    {
        var json = new StringBuilder("{");
        foreach (var (field, required) in fields)
        {
            var blank = required && random.Next(16) == 0;
            var value = blank ? "" : field.Contains("email", StringComparison.Ordinal) ? $"p{k}@example.com" : Names[(k + field.Length) % Names.Length];
            json.Append(json.Length > 1 ? "," : "").Append('"').Append(field).Append("\":\"").Append(value).Append('"');
        }
        return json.Append('}').ToString();
    }
}
