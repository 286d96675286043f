namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>
/// An application that holds customer data. <see cref="Secrets"/> hold Data Protection ciphertext only: a secret is
/// never stored or shown in clear after entry.
/// </summary>
public sealed record ConnectedSystem : IConfigurationItem
{
    public required Guid Id { get; init; }

    /// <summary>Short stable name used in URLs and files, e.g. "website".</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }
    public SystemKind Kind { get; init; }
    public string ConnectorType { get; init; } = "none";
    public SortedDictionary<string, string> Settings { get; init; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Secrets { get; init; } = new(StringComparer.Ordinal);
    public string Owner { get; init; } = "";
    public SystemStatus Status { get; init; } = SystemStatus.Planned;

    public string DisplayName => $"system {Name}";
}
