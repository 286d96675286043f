namespace CrmGovernance.Core.Features.Matching.Comparators;

/// <summary>
/// How alike two normalised phone numbers are (<see cref="Normalisers.PhoneNormaliser"/>). Two full numbers (E.164)
/// compare digit by digit (Levenshtein). A local number, written without its area code and kept as its digits, is
/// compared with the end of the other: the same subscriber part gives <see cref="SameSubscriber"/> (the area code is
/// not known, so less than the same full number); a different one, its Levenshtein similarity scaled below that.
/// </summary>
public static class PhoneSimilarity
{
    public const double SameSubscriber = 0.9;

    /// <summary>Fewer digits than this are not a subscriber number (an extension, a fragment).</summary>
    public const int ShortestSubscriber = 5;

    public static double Similarity(string left, string right) => Similarity(left, right, 0);

    /// <summary>As <see cref="Similarity(string, string)"/>; two full numbers may stop early below <paramref name="floor"/> (a scan needs only the level).</summary>
    public static double Similarity(string left, string right, double floor)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var a = Digits(left);
        var b = Digits(right);
        if (IsFull(left) && IsFull(right) || a.Length == b.Length)
        {
            return Levenshtein.Similarity(left, right, floor);
        }
        var local = a.Length < b.Length ? a : b;
        var full = a.Length < b.Length ? b : a;
        if (local.Length < ShortestSubscriber)
        {
            return 0;
        }
        var tail = full[^local.Length..];
        return tail.SequenceEqual(local) ? SameSubscriber : 0.8 * Levenshtein.Similarity(local, tail);
    }

    private static bool IsFull(string value) => value.Length > 0 && value[0] == '+';

    private static ReadOnlySpan<char> Digits(string value) => value.Length > 0 && value[0] == '+' ? value.AsSpan(1) : value;
}
