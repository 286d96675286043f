using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace CrmGovernance.Core.Features.Matching.Normalisers.Addresses;

/// <summary>
/// An address line cut into folded words (<see cref="TextNormaliser"/>), numbered by the comma-separated part they stand
/// in. "#" stays a word of its own; numbers joined by "-" or "/" stay one word ("10-12", "4/12", "62704-1234", "D-10115").
/// </summary>
internal static partial class AddressTokens
{
    public static List<AddressToken> Read(string line)
    {
        var pieces = new List<(string Text, int Segment)>();
        var segment = 0;
        var start = -1;
        for (var i = 0; i <= line.Length; i++)
        {
            var ch = i < line.Length ? line[i] : ',';
            var breaks = ch is ',' or ';' or '|' or '#' || char.IsWhiteSpace(ch) || char.IsControl(ch);
            if (!breaks)
            {
                start = start < 0 ? i : start;
                continue;
            }
            if (start >= 0)
            {
                pieces.Add((line[start..i], segment));
                start = -1;
            }
            if (ch == '#')
            {
                pieces.Add(("#", segment));
            }
            else if (ch is ',' or ';' or '|' or '\n')
            {
                segment++;
            }
        }
        return Fold(JoinSpacedRanges(pieces));
    }

    /// <summary>"10 - 12" and "4 / 12" are written "10-12" and "4/12".</summary>
    private static List<(string Text, int Segment)> JoinSpacedRanges(List<(string Text, int Segment)> pieces)
    {
        var joined = new List<(string Text, int Segment)>(pieces.Count);
        for (var i = 0; i < pieces.Count; i++)
        {
            if (pieces[i].Text is "-" or "/" && joined.Count > 0 && i + 1 < pieces.Count && char.IsAsciiDigit(joined[^1].Text[^1])
                && char.IsAsciiDigit(pieces[i + 1].Text[0]) && joined[^1].Segment == pieces[i + 1].Segment)
            {
                joined[^1] = (joined[^1].Text + pieces[i].Text + pieces[i + 1].Text, joined[^1].Segment);
                i++;
                continue;
            }
            joined.Add(pieces[i]);
        }
        return joined;
    }

    private static List<AddressToken> Fold(List<(string Text, int Segment)> pieces)
    {
        var tokens = new List<AddressToken>(pieces.Count);
        foreach (var (text, segment) in pieces)
        {
            if (text == "#")
            {
                tokens.Add(new AddressToken(text, segment));
                continue;
            }
            var trimmed = text.Trim(TrimmedPunctuation).ToLowerInvariant();
            if (JoinedNumber().IsMatch(trimmed))
            {
                tokens.Add(new AddressToken(trimmed, segment));
                continue;
            }
            foreach (var word in (TextNormaliser.Fold(text) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                tokens.Add(new AddressToken(word, segment));
            }
        }
        return tokens;
    }

    /// <summary>The longest phrase of up to four words of one part ending at <paramref name="end"/> that the table knows.</summary>
    public static (int Start, string Value)? LongestEnding(IReadOnlyList<AddressToken> tokens, int end, FrozenDictionary<string, string> table)
    {
        for (var words = Math.Min(4, end); words >= 1; words--)
        {
            var start = end - words;
            if (tokens[start].Segment != tokens[end - 1].Segment)
            {
                continue;
            }
            var phrase = string.Join(' ', Enumerable.Range(start, words).Select(i => tokens[i].Text));
            if (table.TryGetValue(phrase, out var value))
            {
                return (start, value);
            }
        }
        return null;
    }

    private static readonly char[] TrimmedPunctuation = ['.', ':', '(', ')', '[', ']', '"', '\'', '-', '/', '!', '?', '*'];

    /// <summary>Number ranges, AU unit/number, ZIP+4, PL/PT postcodes, and country-prefixed postcodes ("d-10115").</summary>
    [GeneratedRegex("^([0-9]{1,6}[a-z]?[-/][0-9]{1,6}[a-z]?|[a-z]{1,2}-[0-9]{4,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex JoinedNumber();
}
