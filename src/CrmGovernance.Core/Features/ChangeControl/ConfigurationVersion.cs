namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>An immutable, numbered, hashed snapshot of the configuration, published by an approved change request.</summary>
public sealed class ConfigurationVersion
{
    public int Number { get; set; }
    public DateTime PublishedUtc { get; set; }
    public Guid? ChangeRequestId { get; set; }
    public string PublishedByName { get; set; } = "";

    /// <summary>SHA-256 of <see cref="SnapshotJson"/> (canonical JSON).</summary>
    public string Hash { get; set; } = "";

    public string SnapshotJson { get; set; } = "";
}
