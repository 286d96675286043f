namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>
/// A named trial of one flow: input records as the source would send them, the target's records before the run, and
/// the outcome expected for each input. Run in a sandbox (never a real system) against the published configuration or a
/// change request's draft; a change to the flow cannot be approved while one of its scenarios fails.
/// </summary>
public sealed record Scenario : IConfigurationItem
{
    public required Guid Id { get; init; }
    public required Guid FlowId { get; init; }
    public required string Name { get; init; }
    public string Description { get; init => field = value ?? ""; } = "";

    /// <summary>Where it came from, in words: typed, pasted, "captured from run 42, record web-17", "library: the same form submitted twice".</summary>
    public string Origin { get; init => field = value ?? ""; } = "";

    /// <summary>The target cannot be reached: every input is expected to be kept for the next run, none lost.</summary>
    public bool TargetUnavailable { get; init; }

    /// <summary>The target's records before the run (ids and fields as the target names them).</summary>
    public List<ScenarioRecord> Existing { get; init; } = [];

    /// <summary>The source's records, in the order the source sends them, each with its expected outcome.</summary>
    public List<ScenarioInput> Inputs { get; init; } = [];

    /// <summary>Target records that must hold these values after the run (only the fields listed; null: empty), e.g. an email that must survive.</summary>
    public List<ScenarioRecord> Afterwards { get; init; } = [];

    /// <summary>How many records of the flow's object the target must hold after the run (null: any), e.g. one after the same form twice.</summary>
    public int? TargetRecordsAfter { get; init; }

    public string DisplayName => $"scenario {Name}";
}

/// <summary>A record of the target in a scenario: its id and fields by the target's names; of another object of the target when <see cref="ObjectKey"/> names it (e.g. the contact an order's rule updates).</summary>
public sealed record ScenarioRecord
{
    public required string Id { get; init; }

    /// <summary>The key of another object of the target ("contact"); null: the flow's object.</summary>
    public string? ObjectKey { get; init; }

    public Dictionary<string, string?> Fields { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One source record of a scenario and what should happen to it.</summary>
public sealed record ScenarioInput
{
    public required string SourceId { get; init; }
    public Dictionary<string, string?> Fields { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    public ScenarioExpectation Expected { get; init; } = new();
}

/// <summary>
/// What should happen to a scenario's input: its outcome; the target record's values afterwards (only those listed;
/// null: empty); words its reason must contain; the existing record it must end in; whether the flow's owner is told.
/// </summary>
public sealed record ScenarioExpectation
{
    public ExpectedOutcome Outcome { get; init; } = ExpectedOutcome.Created;
    public Dictionary<string, string?> Values { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    public string? ReasonContains { get; init; }

    /// <summary>For <see cref="ExpectedOutcome.Merged"/>: the existing target record the input must end in (null: any record already there, or one an earlier input created).</summary>
    public string? TargetId { get; init; }

    /// <summary>True: the flow's owner must be notified about it; false: must not; null: either.</summary>
    public bool? NotifiesOwner { get; init; }
}

/// <summary>
/// The outcomes a scenario can expect: those of a record in a run, plus <see cref="Merged"/> (matched into an existing
/// record by a match key or the match rule, and written there) and <see cref="Kept"/> (the target was unavailable: the
/// record waits for the next run, nothing written and nothing lost).
/// </summary>
public enum ExpectedOutcome { Created, Updated, Unchanged, Appended, Queued, Rejected, Merged, Kept }
