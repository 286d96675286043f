namespace CrmGovernance.Core.Features.Matching.Scoring;

/// <summary>The guards a rule's comparisons call for, applied together: the first that holds a pair explains it.</summary>
internal sealed class PairGuards : IPairGuard
{
    private readonly IPairGuard[] _guards;

    private PairGuards(IPairGuard[] guards) => _guards = guards;

    public string Comparator => _guards[0].Comparator;

    /// <summary>The guards that apply to the rule (nulls left out); null when there are none.</summary>
    public static IPairGuard? Of(params IPairGuard?[] guards)
    {
        IPairGuard[] present = [.. guards.OfType<IPairGuard>()];
        return present.Length switch { 0 => null, 1 => present[0], _ => new PairGuards(present) };
    }

    public bool Applies(PreparedRecord left, PreparedRecord right) => Array.Exists(_guards, g => g.Applies(left, right));

    public ComparisonExplanation Explain(PreparedRecord left, PreparedRecord right) =>
        Array.Find(_guards, g => g.Applies(left, right))?.Explain(left, right) ?? _guards[0].Explain(left, right);
}
