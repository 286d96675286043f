using System.Globalization;
using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;
using Xunit.Abstractions;

namespace CrmGovernance.Core.Tests.Features.Matching;

/// <summary>
/// What the mailbox-and-employer guard costs on the labelled data: auto-match precision and recall over pairs, before
/// the guard (the probability alone at or above the auto-match threshold) and after it (the pair's decision). Neither
/// file has an employer, so as they are the guard must change nothing; the stress case gives every record an employer
/// of its own (no two records agree on one), the worst case for recall: then only the email decides whether the guard
/// holds a pair back.
/// </summary>
public sealed class MailboxAndEmployerGuardAccuracyTests(ITestOutputHelper output)
{
    private static readonly MatchModel Contact = MatchModel.Compile(DefaultMatchRules.Contact(Guid.NewGuid(), Guid.NewGuid()));

    [Fact]
    public void On_the_labelled_files_as_they_are_the_guard_keeps_precision_and_sends_few_true_pairs_to_review()
    {
        foreach (var data in new[] { LabelledDataset.Fake1000, LabelledDataset.Febrl3 })
        {
            var (before, after) = Measure(data.Name, data.Records, data.Truth);

            // Neither file has a company: the guard reads employers from work mail domains, so a person listed with two
            // unrelated work addresses (a job change) is reviewed instead of auto-matched. Never a wrong auto-match more.
            Assert.True(after.Precision >= before.Precision, $"precision fell: {before} → {after}");
            Assert.True(after.Recall >= before.Recall - 0.02, $"recall fell by more than two points: {before} → {after}");
        }
    }

    [Fact]
    public void With_an_employer_of_its_own_on_every_record_the_guard_keeps_auto_match_precision_and_most_of_its_recall()
    {
        var data = LabelledDataset.Fake1000;
        // Random letters from a fixed seed: names that share nothing ("Employer 12" and "Employer 13" would look alike).
        var random = new Random(13);
        var records = data.Records.Select(r => new MatchRecord(r.Id, new Dictionary<string, string?>(r.Values)
        {
            [MatchAttributes.Company] = new string([.. Enumerable.Range(0, 10).Select(_ => (char)('a' + random.Next(26)))]),
        })).ToList();

        var (before, after) = Measure(data.Name + " (an employer per record)", records, data.Truth);

        Assert.True(after.Precision >= before.Precision, $"precision fell: {before} → {after}");
        // A person whose email really changed is reviewed instead; mistyped emails still match.
        Assert.True(after.Recall >= 0.9 * before.Recall, $"recall fell by more than a tenth: {before} → {after}");
    }

    private (AutoMatchAccuracy Before, AutoMatchAccuracy After) Measure(string name, IReadOnlyList<MatchRecord> records, IReadOnlyDictionary<string, string> truth)
    {
        var result = DuplicateFinder.Find(Contact, records, null, CancellationToken.None);
        var truePairs = truth.Values.GroupBy(t => t, StringComparer.Ordinal).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        var before = AutoMatchAccuracy.Of(result.Pairs.Where(p => p.Probability >= Contact.Rule.AutoMatchThreshold), truth, truePairs);
        var after = AutoMatchAccuracy.Of(result.Pairs.Where(p => p.Decision == MatchDecision.AutoMatch), truth, truePairs);
        output.WriteLine($"{name}: before the guard {before}; after {after}");
        return (before, after);
    }

    private sealed record AutoMatchAccuracy(int Pairs, int Correct, long TruePairs)
    {
        public double Precision => Pairs == 0 ? 1 : (double)Correct / Pairs;

        public double Recall => TruePairs == 0 ? 1 : (double)Correct / TruePairs;

        public static AutoMatchAccuracy Of(IEnumerable<ScoredPair> pairs, IReadOnlyDictionary<string, string> truth, long truePairs)
        {
            var list = pairs.ToList();
            return new AutoMatchAccuracy(list.Count, list.Count(p => truth[p.LeftId] == truth[p.RightId]), truePairs);
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"auto-match pairs {Pairs}, precision {Precision:0.0000}, recall {Recall:0.0000} ({Correct} of {TruePairs} true pairs)");
    }
}
