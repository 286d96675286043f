namespace CrmGovernance.Core.Features.Matching.Normalisers.Addresses;

/// <summary>
/// Finds the postcode of an address line by its form and place: last ("Springfield IL 62704", "London SW1A 2AA") or
/// before a city that ends the line ("10115 Berlin", "5621 BA Eindhoven"). A bare number counts only where a house number
/// or a state came before it, so "Hauptstraße 1234" keeps its house number; never after "Apt", "#" or "PO Box".
/// </summary>
internal static class AddressPostcodes
{
    public static PostcodeMatch? Find(IReadOnlyList<AddressToken> tokens, int end) => AtEnd(tokens, end) ?? BeforeCity(tokens, end);

    private static PostcodeMatch? AtEnd(IReadOnlyList<AddressToken> tokens, int end)
    {
        if (end >= 2 && tokens[end - 2].Segment == tokens[end - 1].Segment
            && Pair(tokens[end - 2].Text, tokens[end - 1].Text) is { } pair && Placed(tokens, end - 2, pair.Shape))
        {
            return new PostcodeMatch(end - 2, end, pair.Code, pair.Shape, false);
        }
        return end >= 1 && Single(tokens[end - 1].Text) is { } single && Placed(tokens, end - 1, single.Shape)
            ? new PostcodeMatch(end - 1, end, single.Code, single.Shape, false)
            : null;
    }

    /// <summary>One to four city words at the end, a postcode that is not the first word right before them.</summary>
    private static PostcodeMatch? BeforeCity(IReadOnlyList<AddressToken> tokens, int end)
    {
        for (var city = 1; city <= 4 && end - city >= 1 && IsCityWord(tokens[end - city].Text); city++)
        {
            var at = end - city;
            if (at >= 3 && tokens[at - 2].Segment == tokens[at - 1].Segment && Pair(tokens[at - 2].Text, tokens[at - 1].Text) is { Shape: PostcodeShape.Dutch } pair
                && !Blocks(tokens[at - 3].Text))
            {
                return new PostcodeMatch(at - 2, at, pair.Code, pair.Shape, true);
            }
            if (at >= 2 && Single(tokens[at - 1].Text) is { Shape: PostcodeShape.Digits or PostcodeShape.Dashed or PostcodeShape.Dutch } single
                && !Blocks(tokens[at - 2].Text))
            {
                return new PostcodeMatch(at - 1, at, single.Code, single.Shape, true);
            }
        }
        return null;
    }

    private static bool Placed(IReadOnlyList<AddressToken> tokens, int start, PostcodeShape shape)
    {
        if (start == 0)
        {
            return shape is not (PostcodeShape.Digits or PostcodeShape.Dashed or PostcodeShape.ZipPlus4);
        }
        if (Blocks(tokens[start - 1].Text))
        {
            return false;
        }
        if (shape is not (PostcodeShape.Digits or PostcodeShape.Dashed))
        {
            return true;
        }
        var housed = false;
        for (var i = 0; i < start && !housed; i++)
        {
            housed = AddressWords.HasDigit(tokens[i].Text);
        }
        return housed || tokens[start - 1].Segment != tokens[start].Segment || AddressStates.Ending(tokens, start) is not null;
    }

    private static bool Blocks(string previous) =>
        AddressWords.IsDesignator(previous) || previous is "#" or "box" or "no" or "nr" or "number" or "route" or "rte" or "highway" or "hwy";

    private static bool IsCityWord(string token) =>
        !AddressWords.HasDigit(token) && !AddressWords.IsStreetType(token) && !AddressWords.IsDesignator(token) && token is not ("#" or "box");

    private static (string Code, PostcodeShape Shape)? Pair(string first, string second) =>
        Canadian(first, second) ? (first + second, PostcodeShape.Canadian)
        : BritishOutward(first) && BritishInward(second) ? (first + second, PostcodeShape.British)
        : IrishRouting(first) && IrishUnique(second) ? (first + second, PostcodeShape.Irish)
        : Dutch(first, second) ? (first + second, PostcodeShape.Dutch)
        : null;

    private static (string Code, PostcodeShape Shape)? Single(string token)
    {
        if (token.Length == 6 && Canadian(token[..3], token[3..]))
        {
            return (token, PostcodeShape.Canadian);
        }
        if (token.Length is >= 5 and <= 7 && BritishOutward(token[..^3]) && BritishInward(token[^3..]))
        {
            return (token, PostcodeShape.British);
        }
        if (token.Length == 7 && IrishRouting(token[..3]) && IrishUnique(token[3..]))
        {
            return (token, PostcodeShape.Irish);
        }
        if (token.Length == 6 && Dutch(token[..4], token[4..]))
        {
            return (token, PostcodeShape.Dutch);
        }
        if (token.Length is 4 or 5 && Digits(token))
        {
            return (token, PostcodeShape.Digits);
        }
        return Dashed(token);
    }

    /// <summary>"62704-1234" (ZIP+4: its five digits), "00-950", "1000-001", "d-10115" (its digits).</summary>
    private static (string Code, PostcodeShape Shape)? Dashed(string token)
    {
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || token.IndexOf('-', dash + 1) >= 0)
        {
            return null;
        }
        var (head, tail) = (token[..dash], token[(dash + 1)..]);
        if (Digits(head) && Digits(tail))
        {
            return (head.Length, tail.Length) switch
            {
                (5, 4) => (head, PostcodeShape.ZipPlus4),
                (2, 3) or (4, 3) => (head + tail, PostcodeShape.Dashed),
                _ => null,
            };
        }
        return head.Length <= 2 && head.All(char.IsAsciiLetterLower) && tail.Length is 4 or 5 && Digits(tail) ? (tail, PostcodeShape.Dashed) : null;
    }

    private static bool Canadian(string first, string second) =>
        first.Length == 3 && second.Length == 3 && char.IsAsciiLetterLower(first[0]) && char.IsAsciiDigit(first[1])
        && char.IsAsciiLetterLower(first[2]) && char.IsAsciiDigit(second[0]) && char.IsAsciiLetterLower(second[1]) && char.IsAsciiDigit(second[2]);

    /// <summary>A9, A99, AA9, AA99, A9A, AA9A.</summary>
    private static bool BritishOutward(string part)
    {
        var letters = 0;
        while (letters < 2 && letters < part.Length && char.IsAsciiLetterLower(part[letters]))
        {
            letters++;
        }
        var rest = part.Length - letters;
        return letters > 0 && rest is 1 or 2 && char.IsAsciiDigit(part[letters]) && (char.IsAsciiDigit(part[^1]) || char.IsAsciiLetterLower(part[^1]));
    }

    private static bool BritishInward(string part) =>
        part.Length == 3 && char.IsAsciiDigit(part[0]) && char.IsAsciiLetterLower(part[1]) && char.IsAsciiLetterLower(part[2]);

    private static bool IrishRouting(string part) =>
        part.Length == 3 && char.IsAsciiLetterLower(part[0]) && char.IsAsciiDigit(part[1]) && (char.IsAsciiDigit(part[2]) || part == "d6w");

    private static bool IrishUnique(string part) =>
        part.Length == 4 && part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) && part.Any(char.IsAsciiLetterLower);

    private static bool Dutch(string digits, string letters) =>
        digits.Length == 4 && Digits(digits) && digits[0] != '0' && letters.Length == 2 && letters.All(char.IsAsciiLetterLower);

    private static bool Digits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
