using CrmGovernance.Core.Features.Matching.Scoring;

namespace CrmGovernance.Core.Features.Matching.Comparators;

/// <summary>
/// How alike two company names are, word by word, each word weighed by how rare it is among the records matched
/// (<see cref="MatchPopulation.CompanyWordWeight"/>: "philips" says more than "international"). Words pair up when equal,
/// when one abbreviates the other ("koninkl" / "koninklijke") or when a long word has a typo ("electonics"); a word
/// written as two ("gloeilampen fabrieken") pairs with both. The similarity is the weight of the paired words over
/// the weight of the shorter name plus <see cref="ExtraWordShare"/> of what the longer adds: a short name is what people
/// write for the long one, so "Philips Electronics" is all of "Koninklijke Philips Electronics" (0.9 and up), while
/// "Philips Electronics" and "Philips Lighting" share only one of two words (about 0.5).
/// </summary>
internal static class CompanyNameSimilarity
{
    /// <summary>How much the words only the longer name has count against the pair.</summary>
    public const double ExtraWordShare = 0.1;

    public static double Similarity(CompanyName left, CompanyName right, MatchPopulation? population)
    {
        if (string.Equals(left.Squashed, right.Squashed, StringComparison.Ordinal))
        {
            return 1;
        }
        if (string.CompareOrdinal(left.Text, right.Text) > 0)
        {
            // One order for every pair: words pair up and weights add up the same whichever record comes first.
            (left, right) = (right, left);
        }
        var (a, b) = (left.Words, right.Words);
        Span<double> wa = stackalloc double[a.Length];
        Span<double> wb = stackalloc double[b.Length];
        double totalA = Weigh(a, wa, population), totalB = Weigh(b, wb, population);
        Span<bool> usedA = stackalloc bool[a.Length];
        Span<bool> usedB = stackalloc bool[b.Length];
        var matched = PairWords(a, b, wa, wb, usedA, usedB);
        matched += JoinedWords(a, b, wa, wb, usedA, usedB) + JoinedWords(b, a, wb, wa, usedB, usedA);
        var (shorter, longer) = totalA <= totalB ? (totalA, totalB) : (totalB, totalA);
        var denominator = shorter + ExtraWordShare * (longer - shorter);
        return denominator <= 0 ? 0 : Math.Min(1, matched / denominator);
    }

    /// <summary>How alike two words are: 1 equal, 0.9 one abbreviating the other, 0.9 / 0.8 one or two typos in a long word.</summary>
    public static double WordSimilarity(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }
        var (shortest, longest) = (Math.Min(a.Length, b.Length), Math.Max(a.Length, b.Length));
        if (shortest >= 4 && 2 * shortest >= longest && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)))
        {
            return 0.9;
        }
        if (shortest < 5)
        {
            return 0;
        }
        var allowed = longest < 8 ? 1 : 2;
        var distance = Levenshtein.DistanceWithTranspositions(a, b, allowed);
        return distance <= allowed ? 1 - 0.1 * distance : 0;
    }

    private static double Weigh(string[] words, Span<double> weights, MatchPopulation? population)
    {
        var total = 0.0;
        for (var i = 0; i < words.Length; i++)
        {
            total += weights[i] = population?.CompanyWordWeight(words[i]) ?? 1;
        }
        return total;
    }

    /// <summary>Pairs words best first (similarity × the lighter weight), each word at most once; the weight they carry.</summary>
    private static double PairWords(string[] a, string[] b, Span<double> wa, Span<double> wb, Span<bool> usedA, Span<bool> usedB)
    {
        var matched = 0.0;
        while (true)
        {
            var (bestI, bestJ, bestScore, bestSimilarity) = (-1, -1, 0.0, 0.0);
            for (var i = 0; i < a.Length; i++)
            {
                for (var j = 0; j < b.Length && !usedA[i]; j++)
                {
                    if (usedB[j])
                    {
                        continue;
                    }
                    var similarity = WordSimilarity(a[i], b[j]);
                    var score = similarity * Math.Min(wa[i], wb[j]);
                    if (similarity > 0 && score > bestScore)
                    {
                        (bestI, bestJ, bestScore, bestSimilarity) = (i, j, score, similarity);
                    }
                }
            }
            if (bestI < 0)
            {
                return matched;
            }
            usedA[bestI] = usedB[bestJ] = true;
            matched += bestSimilarity * (wa[bestI] + wb[bestJ]) / 2;
        }
    }

    /// <summary>A word of <paramref name="a"/> written as two neighbouring words of <paramref name="b"/> ("researchmaatschappij").</summary>
    private static double JoinedWords(string[] a, string[] b, Span<double> wa, Span<double> wb, Span<bool> usedA, Span<bool> usedB)
    {
        var matched = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j + 1 < b.Length && !usedA[i]; j++)
            {
                if (!usedB[j] && !usedB[j + 1] && a[i].Length == b[j].Length + b[j + 1].Length
                    && a[i].AsSpan().StartsWith(b[j]) && a[i].AsSpan().EndsWith(b[j + 1]))
                {
                    usedA[i] = usedB[j] = usedB[j + 1] = true;
                    matched += (wa[i] + wb[j] + wb[j + 1]) / 2;
                }
            }
        }
        return matched;
    }
}
