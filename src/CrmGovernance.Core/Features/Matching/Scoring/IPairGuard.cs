namespace CrmGovernance.Core.Features.Matching.Scoring;

/// <summary>A reason to keep a pair out of auto-match whatever its score: it goes to a steward at most.</summary>
internal interface IPairGuard
{
    /// <summary>The name the explanation row carries as its comparator, so lists can say why a pair was held.</summary>
    string Comparator { get; }

    bool Applies(PreparedRecord left, PreparedRecord right);

    /// <summary>The explanation row a steward sees for a held pair.</summary>
    ComparisonExplanation Explain(PreparedRecord left, PreparedRecord right);
}
