namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>Data of one object moving from a source system to a target system, serving an outcome.</summary>
public sealed record DataFlow : IConfigurationItem
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required Guid ObjectId { get; init; }
    public required Guid SourceSystemId { get; init; }
    public required Guid TargetSystemId { get; init; }
    public FlowPattern Pattern { get; init; } = FlowPattern.Scheduled;

    /// <summary>Quartz cron (seconds first) for scheduled flows.</summary>
    public string? Cron { get; init; }

    /// <summary>The business outcome the flow serves, in words.</summary>
    public string Outcome { get; init; } = "";

    /// <summary>Delivery phase (1 first); flows are scoped around outcomes, phase by phase.</summary>
    public int Phase { get; init; } = 1;

    public string Owner { get; init; } = "";
    public FlowStatus Status { get; init; } = FlowStatus.Draft;
    public Guid? JourneyStepId { get; init; }

    /// <summary>ISO region used to read phone numbers without a country code, e.g. "GB".</summary>
    public string DefaultRegion { get; init; } = "US";
    /// <summary>
    /// Target fields that identify the same record (exact match after the mapping's transforms, e.g. "email"), tried
    /// in order after the crosswalk. Empty: only records this flow linked before are matched.
    /// </summary>
    public List<string> MatchKeys { get; init; } = [];

    /// <summary>Every change to this flow needs acceptance sign-off before it is published (left out of the JSON while false).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool RequiresSignOff { get; init; }

    public string DisplayName => $"flow {Name}";
}
