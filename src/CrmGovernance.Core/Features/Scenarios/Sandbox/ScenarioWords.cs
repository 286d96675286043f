using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Features.Scenarios.Sandbox;

/// <summary>Expected and actual outcomes in the words a sales or service colleague reads them in.</summary>
public static class ScenarioWords
{
    public static string Expected(ScenarioExpectation expected) => expected.Outcome switch
    {
        ExpectedOutcome.Created => "a new record is created",
        ExpectedOutcome.Updated => "the existing record is updated",
        ExpectedOutcome.Unchanged => "the existing record stays as it is",
        ExpectedOutcome.Appended => "logged as an activity on the existing record",
        ExpectedOutcome.Queued => "held for a person to review",
        ExpectedOutcome.Rejected => "refused",
        ExpectedOutcome.Merged => $"joined to the existing record {expected.TargetId}",
        ExpectedOutcome.Kept => "kept for the next run (the system is down)",
        _ => expected.Outcome.ToString(),
    };

    public static string Actual(RecordResult? actual) => actual is null ? "kept for the next run (the system is down)" : actual.Outcome switch
    {
        OutcomeKind.Created => "a new record was created",
        OutcomeKind.Updated or OutcomeKind.Unchanged or OutcomeKind.Appended when actual.Match is MatchKind.Key or MatchKind.Fuzzy =>
            $"joined to the existing record {actual.TargetId} ({Verb(actual.Outcome)})",
        OutcomeKind.Updated => "the existing record was updated",
        OutcomeKind.Unchanged => "the existing record stayed as it was",
        OutcomeKind.Appended => "logged as an activity on the existing record",
        OutcomeKind.Queued => "held for a person to review",
        OutcomeKind.Rejected => "refused",
        OutcomeKind.Failed => "failed",
        _ => actual.Outcome.ToString(),
    };

    public static string Value(string? value) => string.IsNullOrEmpty(value) ? "(empty)" : $"\"{value}\"";

    private static string Verb(OutcomeKind outcome) => outcome switch
    {
        OutcomeKind.Updated => "updated",
        OutcomeKind.Appended => "logged as an activity",
        _ => "nothing to change",
    };
}
