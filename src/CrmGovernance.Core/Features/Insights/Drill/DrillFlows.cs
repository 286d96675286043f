namespace CrmGovernance.Core.Features.Insights.Drill;

/// <summary>
/// A set of flows a number is over (a version's changed flows, or its control). Compared by its members, so two queries
/// for the same set are equal (the pages reload only when the query changes).
/// </summary>
public sealed class DrillFlows(IEnumerable<Guid> ids) : IEquatable<DrillFlows>
{
    /// <summary>The most flows one link may name: a link is a URL, and no configuration the portal governs has more.</summary>
    public const int Max = 100;

    public IReadOnlyList<Guid> Ids { get; } = ids.Distinct().Order().ToList();

    public string? Problem() => Ids.Count == 0 ? "A set of flows needs at least one flow."
        : Ids.Count > Max ? $"A drill-down can name at most {Max} flows; this link names {Ids.Count}." : null;

    public bool Equals(DrillFlows? other) => other is not null && Ids.SequenceEqual(other.Ids);

    public override bool Equals(object? obj) => Equals(obj as DrillFlows);

    public override int GetHashCode() => Ids.Aggregate(0, HashCode.Combine);

    public override string ToString() => string.Join(",", Ids);
}
