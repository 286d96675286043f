using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching.Comparators;
using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Features.Matching.Blocking;

/// <summary>
/// What each blocking key function does to a value. The names and their parsing are match-rule vocabulary
/// (<see cref="BlockingKeyFunctions"/>, in the configuration model); applying them needs the matching engine's normalisers.
/// </summary>
internal static class BlockingKeyFunctionRunner
{
    /// <summary>The function applied to a non-empty value; empty when it gives nothing (no key then).</summary>
    public static ReadOnlySpan<char> Apply(BlockingKeyFunction function, ReadOnlySpan<char> value, PhoneticCache phonetic) => function.Name switch
    {
        "exact" => value,
        "metaphone" => phonetic.EncodeWords(value.ToString()),
        "initial" => value[..1],
        "prefix" => value.Length <= function.Length ? value : value[..function.Length],
        "suffix" => value.Length <= function.Length ? value : value[^function.Length..],
        "year" => DatePart(value, 0, 4),
        "month" => DatePart(value, 5, 2),
        "day" => DatePart(value, 8, 2),
        "domain" => value.LastIndexOf('@') is var at and >= 0 ? value[(at + 1)..] : value,
        "local" => value.LastIndexOf('@') is var at and >= 0 ? value[..at] : value,
        "digits" => CodeNormaliser.Digits(value.ToString()),
        "sorted" => value.Contains(' ') ? SortedWords(value) : value,
        "word" => MinWord(value, function.Length),
        "nickname" => value.Contains(' ') ? string.Join(' ', value.ToString().Split(' ').Select(Nicknames.Root)) : Nicknames.Root(value),
        _ => throw new InvalidOperationException($"Blocking function {function} has no implementation."),
    };

    /// <summary>
    /// The first four letters of the word whose hash under <paramref name="seed"/> is smallest (min-hashing): two
    /// values meet under a seed when the word they share most of is picked by it, whatever order the words stand in.
    /// </summary>
    private static ReadOnlySpan<char> MinWord(ReadOnlySpan<char> value, int seed)
    {
        var best = ReadOnlySpan<char>.Empty;
        var bestHash = ulong.MaxValue;
        foreach (var range in value.Split(' '))
        {
            var word = value[range];
            if (word.IsEmpty)
            {
                continue;
            }
            word = word.Length <= 4 ? word : word[..4];
            var hash = 14695981039346656037UL;
            foreach (var ch in word)
            {
                hash = (hash ^ ch) * 1099511628211UL;
            }
            // SplitMix64 of the word's hash and the seed: each seed orders the words independently of the others.
            hash += (ulong)seed * 0x9E3779B97F4A7C15UL;
            hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
            hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
            hash ^= hash >> 31;
            if (hash < bestHash)
            {
                best = word;
                bestHash = hash;
            }
        }
        return best;
    }

    /// <summary>The words in ordinal order, space-separated (an array sort: this runs for every record's full name).</summary>
    private static string SortedWords(ReadOnlySpan<char> value)
    {
        var words = value.ToString().Split(' ');
        Array.Sort(words, StringComparer.Ordinal);
        return string.Join(' ', words);
    }

    /// <summary>A part of a normalised date (yyyy-MM-dd); empty for anything else.</summary>
    private static ReadOnlySpan<char> DatePart(ReadOnlySpan<char> value, int start, int length) =>
        value.Length == 10 && value[4] == '-' ? value.Slice(start, length) : [];
}
