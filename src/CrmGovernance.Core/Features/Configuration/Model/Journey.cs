namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>An ordered customer or operational process (lead capture, sales handover, …) that flows serve.</summary>
public sealed record Journey : IConfigurationItem
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public string Owner { get; init; } = "";

    /// <summary>Position among journeys (lead capture before qualification, …).</summary>
    public int Order { get; init; }

    public List<JourneyStep> Steps { get; init; } = [];

    public string DisplayName => $"journey {Name}";
}
