namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>One field of the two records side by side, as the target system holds them now.</summary>
public sealed record ComparisonField(string Name, string Label, string? Left, string? Right)
{
    /// <summary>The values differ; an empty value and a missing one are the same.</summary>
    public bool Differs => !string.Equals(Left ?? "", Right ?? "", StringComparison.Ordinal);

    /// <summary>Identity evidence, a "last … at" time, or another field: what a merge's default choice for it follows.</summary>
    public MergeFieldKind Kind { get; init; }
}
