namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>One step of a journey: the systems and objects involved, the decision it needs, and known friction.</summary>
public sealed record JourneyStep
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public List<Guid> SystemIds { get; init; } = [];
    public List<Guid> ObjectIds { get; init; } = [];
    public string Decision { get; init; } = "";
    public string Friction { get; init; } = "";
    public string Outcome { get; init; } = "";
}
