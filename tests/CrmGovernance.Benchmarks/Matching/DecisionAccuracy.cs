using System.Globalization;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// How right the scan's scored pairs are, by decision: the precision of auto-matches (a wrong merge is the costly
/// error) and the share of true duplicates among the pairs sent to review.
/// </summary>
internal readonly record struct DecisionAccuracy(long AutoMatches, long CorrectAutoMatches, long Reviews, long TrueReviews)
{
    public static DecisionAccuracy Of(IEnumerable<ScoredPair> pairs, SyntheticContacts data)
    {
        long auto = 0, autoCorrect = 0, review = 0, reviewTrue = 0;
        foreach (var pair in pairs)
        {
            var same = data.EntityOfId(pair.LeftId) == data.EntityOfId(pair.RightId);
            if (pair.Decision == MatchDecision.AutoMatch)
            {
                auto++;
                autoCorrect += same ? 1 : 0;
            }
            else if (pair.Decision == MatchDecision.Review)
            {
                review++;
                reviewTrue += same ? 1 : 0;
            }
        }
        return new DecisionAccuracy(auto, autoCorrect, review, reviewTrue);
    }

    public IReadOnlyList<string> Lines()
    {
        var c = CultureInfo.InvariantCulture;
        return
        [
            string.Create(c, $"auto-match pairs: {AutoMatches:N0}, precision {(AutoMatches == 0 ? 1 : (double)CorrectAutoMatches / AutoMatches):F4} (target at least 0.98)"),
            string.Create(c, $"review pairs: {Reviews:N0}, of which true duplicates {(Reviews == 0 ? 0 : 100.0 * TrueReviews / Reviews):F1} %"),
        ];
    }
}
