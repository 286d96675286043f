using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Features.Matching.Comparators;

/// <summary>
/// Person names compared part by part, forgiving what people do to names: nicknames (Bob and Robert 0.95), typos
/// (Jaro–Winkler), spellings that sound alike (0.9), an initial for a name (0.8), a double-barrelled or middle name
/// on one side only (0.9), and first and last name swapped (the parts are paired crosswise when that fits much better,
/// each similarity then × 0.95).
/// </summary>
internal static class PersonNameSimilarity
{
    public const double Nickname = 0.95;
    public const double SoundsAlike = 0.9;
    public const double ExtraWord = 0.9;
    public const double Initial = 0.8;

    /// <summary>How much better the crosswise pairing must fit before first and last name count as swapped.</summary>
    private const double SwapMargin = 0.3;

    /// <summary>
    /// Names that agree only crosswise count for a little less: strangers rarely share both names either way, but a
    /// person's records rarely swap them either (a swapped exact pair weighs as a nickname and a near-exact surname).
    /// </summary>
    public const double Swapped = 0.95;

    /// <summary>Each crosswise pair must look alike at least this much: a swap is a name found in the other field.</summary>
    private const double SwapFloor = 0.85;

    /// <summary>The similarity of the first names and of the last names after pairing them (null where a side lacks the part).</summary>
    public static (double? First, double? Last) Compare(NamePart? leftFirst, NamePart? leftLast, NamePart? rightFirst, NamePart? rightLast) =>
        Compare(leftFirst, leftLast, rightFirst, rightLast, out _);

    /// <summary>As <see cref="Compare(NamePart?, NamePart?, NamePart?, NamePart?)"/>, and whether the names were paired crosswise.</summary>
    public static (double? First, double? Last) Compare(NamePart? leftFirst, NamePart? leftLast, NamePart? rightFirst, NamePart? rightLast, out bool swapped)
    {
        swapped = false;
        var first = Pair(leftFirst, rightFirst);
        var last = Pair(leftLast, rightLast);
        var direct = (first ?? 0) + (last ?? 0);
        // The crosswise pairing can only win when it can beat the direct one by the margin (each pair is at most 1).
        if (direct + SwapMargin >= 2 || (leftFirst is null || rightLast is null) && (leftLast is null || rightFirst is null))
        {
            return (first, last);
        }
        var crossA = Part(leftFirst, rightLast);
        if (!Fits(leftFirst, rightLast, crossA))
        {
            return (first, last);
        }
        var crossB = Part(leftLast, rightFirst);
        if (crossA + crossB <= direct + SwapMargin || !Fits(leftLast, rightFirst, crossB))
        {
            return (first, last);
        }
        // Swapped: which crosswise pair held the given names is unknowable, so the better one counts as the
        // first names; that keeps score(a, b) equal to score(b, a).
        swapped = true;
        var a = Pair(leftFirst, rightLast) * Swapped;
        var b = Pair(leftLast, rightFirst) * Swapped;
        return a is null ? (b, null) : b is null ? (a, null) : (Math.Max(a.Value, b.Value), Math.Min(a.Value, b.Value));
    }

    /// <summary>The whole name from the paired parts: their mean; one part alone counts for less.</summary>
    public static double? FullName(double? first, double? last) =>
        first is { } f && last is { } l ? (f + l) / 2 : first is { } only ? only * Initial : last * Initial;

    /// <summary>Similarity of two name parts (0–1).</summary>
    public static double Similarity(NamePart left, NamePart right)
    {
        if (ReferenceEquals(left, right) || left.Text == right.Text)
        {
            return 1;
        }
        var best = JaroWinkler.Similarity(left.Text, right.Text);
        if (best < Nickname && Nicknames.Share(left.Groups, right.Groups))
        {
            best = Nickname;
        }
        if (best < SoundsAlike && best >= 0.7 && PhoneticSimilarity.Similarity(left.Codes, right.Codes) == 1)
        {
            best = SoundsAlike;
        }
        if (best < ExtraWord && (left.IsMultiWord || right.IsMultiWord) && ShareWord(left.Text, right.Text))
        {
            best = ExtraWord;
        }
        if (best < Initial && IsInitialOf(left.Text, right.Text))
        {
            best = Initial;
        }
        return best;
    }

    /// <summary>A crosswise pair fits when it is missing on a side or alike enough.</summary>
    private static bool Fits(NamePart? left, NamePart? right, double similarity) => left is null || right is null || similarity >= SwapFloor;

    private static double Part(NamePart? left, NamePart? right) => left is null || right is null ? 0 : Similarity(left, right);

    private static double? Pair(NamePart? left, NamePart? right) => left is null || right is null ? null : Similarity(left, right);

    private static bool IsInitialOf(string left, string right) =>
        (left.Length == 1 && right[0] == left[0]) || (right.Length == 1 && left[0] == right[0]);

    /// <summary>A word of at least two letters in both names ("mary anne" and "mary").</summary>
    private static bool ShareWord(string left, string right)
    {
        foreach (var word in left.Split(' '))
        {
            if (word.Length > 1 && right.Split(' ').Contains(word, StringComparer.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
