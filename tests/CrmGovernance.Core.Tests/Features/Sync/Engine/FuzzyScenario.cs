using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary><see cref="SyncScenario"/> with the default contact match rule, and shortcuts to what a fuzzy run leaves behind.</summary>
internal static class FuzzyScenario
{
    public static readonly MatchRule Rule = DefaultMatchRules.Contact(new Guid("00000000-0000-4000-8000-00000000c001"), SyncScenario.Contact);

    /// <summary>
    /// A rule with fixed weights for the review-band tests, so they do not move when the default rule is tuned:
    /// the same name with another email and a phone one digit apart weighs −8 + 4 + 5 − 3 + 4 = 2 (probability 0.8).
    /// </summary>
    public static readonly MatchRule StewardRule = new()
    {
        Id = new Guid("00000000-0000-4000-8000-00000000c002"), ObjectId = SyncScenario.Contact, Name = "Test contact rule",
        PriorWeight = -8, AutoMatchThreshold = 0.99, ReviewThreshold = 0.6,
        Comparisons =
        [
            Compare(MatchAttributes.FirstName, ComparatorKind.PersonName, -4, (1, 4), (0.9, 3)),
            Compare(MatchAttributes.LastName, ComparatorKind.PersonName, -4, (1, 5), (0.9, 3)),
            Compare(MatchAttributes.Email, ComparatorKind.Email, -3, (1, 14), (0.9, 8)),
            Compare(MatchAttributes.Phone, ComparatorKind.Levenshtein, -2, (1, 10), (0.9, 4)),
        ],
        BlockingKeys = ["email", "phone", "last_name.metaphone+first_name.nickname.initial"],
    };

    public static GovernanceConfiguration Build(params BusinessRule[] rules) => SyncScenario.Build(rules) with { MatchRules = [Rule] };

    public static GovernanceConfiguration WithStewardRule(params BusinessRule[] rules) => SyncScenario.Build(rules) with { MatchRules = [StewardRule] };

    /// <summary>A contact someone created in the CRM itself, not through the worker.</summary>
    public static Task CrmContactAsync(SyncFlowFixture f, string id, string email, string first, string last, string? phone) =>
        SqliteTables.ExecuteAsync(f.CrmPath,
            "INSERT INTO contacts (id, email, first_name, last_name, phone, lifecycle_stage, updated_at) VALUES (@id, @e, @f, @l, @p, 'customer', '2026-10-01T09:00:00.0000000Z')",
            ("@id", id), ("@e", email), ("@f", first), ("@l", last), ("@p", phone));

    public static Task<RecordOutcome> OutcomeAsync(SyncFlowFixture f, SyncRun run, string sourceId) =>
        f.Host.QueryAsync(db => db.RecordOutcomes.AsNoTracking().SingleAsync(o => o.RunId == run.Id && o.SourceId == sourceId));

    public static Task<string?> LinkedTargetAsync(SyncFlowFixture f, string sourceId) =>
        f.Host.QueryAsync(db => db.CrosswalkLinks.Where(l => l.SourceId == sourceId).Select(l => (string?)l.TargetId).SingleOrDefaultAsync());

    private static MatchComparison Compare(string attribute, ComparatorKind comparator, double mismatch, params (double Threshold, double Weight)[] levels) =>
        new() { Attribute = attribute, Comparator = comparator, MismatchWeight = mismatch, Levels = [.. levels.Select(l => new MatchLevel(l.Threshold, l.Weight))] };
}
