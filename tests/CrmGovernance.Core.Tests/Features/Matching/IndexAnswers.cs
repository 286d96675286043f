using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Tests.Features.Matching;

/// <summary>What a match index answers to queries, as text (candidate ids in order, with their whole scores): two indexes holding the same records must give the same.</summary>
internal static class IndexAnswers
{
    public static List<string> Of(MatchIndex index, IEnumerable<MatchRecord> queries) =>
        [.. queries.Select(q => q.Id + " → " + string.Join("; ", index.Match(q).Select(Describe)))];

    /// <summary>Each record as it is (its own id is never its candidate) and under a new id (it is then one).</summary>
    public static IEnumerable<MatchRecord> Queries(IEnumerable<MatchRecord> records) =>
        records.SelectMany(r => new[] { r, new MatchRecord("query:" + r.Id, r.Values) });

    private static string Describe(MatchCandidate candidate)
    {
        var score = candidate.Score;
        return $"{candidate.Id} {score.Weight:R} {score.Probability:R} {score.Decision} [{string.Join(", ", score.Explanations)}]";
    }
}
