namespace CrmGovernance.Core.Features.Scenarios.Gate;

/// <summary>Why a change request's scenarios were run: its submission, its approval, someone's Run scenarios, or an admin's override.</summary>
public enum ScenarioCheckKind { Submit, Approve, Manual, Override }

/// <summary>
/// The scenarios of the flows a change request touches, run on its draft, with the result attached to the request (and,
/// through the audit trail, to its report). An <see cref="ScenarioCheckKind.Override"/> row is an admin letting the
/// request's content through although scenarios fail, with the reason.
/// </summary>
public sealed class ScenarioCheck
{
    public long Id { get; set; }
    public Guid ChangeRequestId { get; set; }
    public ScenarioCheckKind Kind { get; set; }

    /// <summary>The request's content the check is about (<c>ChangeRequestChecks.Fingerprint</c>).</summary>
    public string Fingerprint { get; set; } = "";

    public DateTime CheckedUtc { get; set; }
    public string ByName { get; set; } = "";
    public int Scenarios { get; set; }
    public int Failed { get; set; }
    public bool Passed { get; set; }

    /// <summary>True when a failing check let the request through because of an admin's override.</summary>
    public bool Overridden { get; set; }

    /// <summary>The affected flows and the failures in words (what the audit trail and the report carry).</summary>
    public string Summary { get; set; } = "";

    /// <summary>An override's reason.</summary>
    public string? Reason { get; set; }

    /// <summary>Every scenario's outcome (<c>ScenarioOutcome</c> list), for the change request page.</summary>
    public string ResultsJson { get; set; } = "[]";
}
