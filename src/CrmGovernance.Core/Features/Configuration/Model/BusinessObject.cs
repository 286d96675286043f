namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>A kind of record the business governs (contact, company, lead, …), with its accountable owner and steward.</summary>
public sealed record BusinessObject : IConfigurationItem
{
    public required Guid Id { get; init; }

    /// <summary>Lower-case name used in URLs and files, e.g. "contact".</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }
    public string Description { get; init; } = "";

    /// <summary>Email of the accountable business owner; the owners of an object review changes to it.</summary>
    public string Owner { get; init; } = "";

    public string Steward { get; init; } = "";

    /// <summary>Email of who is told when an incident about the object is not acknowledged by its owner in time.</summary>
    public string EscalationContact { get; init; } = "";
    public bool IsCustom { get; init; }

    public string DisplayName => $"object {Name}";
}
