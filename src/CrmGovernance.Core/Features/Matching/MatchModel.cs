using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Matching;

/// <summary>
/// A match rule ready to run: prepares (normalises) records once, gives their blocking keys, and scores pairs.
/// Thread-safe after <see cref="Compile"/>.
/// </summary>
public sealed class MatchModel
{
    private MatchModel(MatchRule rule) => Rule = rule;

    public MatchRule Rule { get; }

    public static MatchModel Compile(MatchRule rule) => throw new NotImplementedException();

    public PreparedRecord Prepare(MatchRecord record) => throw new NotImplementedException();

    /// <summary>The record's blocking keys, each prefixed so keys of different rule entries never collide.</summary>
    public IReadOnlyList<string> BlockingKeys(PreparedRecord record) => throw new NotImplementedException();

    public MatchScore Score(PreparedRecord left, PreparedRecord right) => throw new NotImplementedException();

    public MatchDecision Decide(double probability) =>
        probability >= Rule.AutoMatchThreshold ? MatchDecision.AutoMatch
        : probability >= Rule.ReviewThreshold ? MatchDecision.Review
        : MatchDecision.Distinct;
}
