using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Features.Matching.Comparators;

/// <summary>
/// Canonical email addresses compared by local part and domain separately. A typo in either still scores about 0.9
/// (the local part by edit distance with swaps, not Jaro–Winkler: a shared prefix such as "victoriaw" and
/// "victoriawalall" is another person's mailbox, not a typo; a domain within two edits counts 0.95). What two
/// different people produce scores low: the same local part at another provider (× 0.5), or local parts that differ
/// only in digits or punctuation ("jsmith1", "jsmith2", "j.smith": another mailbox of a namesake, at most 0.7). An
/// address with a stray second "@" is compared whole.
/// </summary>
public static class EmailSimilarity
{
    public const double OtherMailbox = 0.7;
    public const double DomainTypo = 0.95;
    public const double OtherDomain = 0.5;

    public static double Similarity(string left, string right) => Similarity(left, right, 0);

    /// <summary>The similarity; when it is below <paramref name="floor"/>, any value below the floor (the work stops early).</summary>
    public static double Similarity(string left, string right, double floor)
    {
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return 1;
        }
        if (left.IndexOf('@', StringComparison.Ordinal) != left.LastIndexOf('@') || right.IndexOf('@', StringComparison.Ordinal) != right.LastIndexOf('@'))
        {
            // A stray "@" typed into an address splits it in the wrong place: compare it whole.
            return Levenshtein.SimilarityWithTranspositions(left, right, floor);
        }
        var leftDomain = EmailNormaliser.Domain(left);
        var rightDomain = EmailNormaliser.Domain(right);
        if (leftDomain.IsEmpty || rightDomain.IsEmpty)
        {
            return Levenshtein.SimilarityWithTranspositions(left, right, floor);
        }
        var domain = leftDomain.SequenceEqual(rightDomain) ? 1
            : Levenshtein.DistanceWithTranspositions(leftDomain, rightDomain, 2) <= 2 ? DomainTypo
            : OtherDomain;
        if (domain < floor)
        {
            return 0; // even an equal local part stays below the floor
        }
        var leftLocal = EmailNormaliser.Local(left);
        var rightLocal = EmailNormaliser.Local(right);
        if (domain == DomainTypo && IsGmailTypo(leftDomain, rightDomain, leftLocal, rightLocal))
        {
            return domain;
        }
        var local = leftLocal.SequenceEqual(rightLocal) ? 1
            : SameLetters(leftLocal, rightLocal) ? Math.Min(OtherMailbox, Levenshtein.SimilarityWithTranspositions(leftLocal, rightLocal))
            : Levenshtein.SimilarityWithTranspositions(leftLocal, rightLocal, floor / domain);
        return local * domain;
    }

    /// <summary>
    /// "rob.brown@gmial.com" is "rob.brown@gmail.com" mistyped: its dots were kept because the typo hid Gmail, while the
    /// real Gmail address lost them in the canonical form. Equal without dots, it is the same mailbox.
    /// </summary>
    private static bool IsGmailTypo(ReadOnlySpan<char> leftDomain, ReadOnlySpan<char> rightDomain, ReadOnlySpan<char> leftLocal, ReadOnlySpan<char> rightLocal)
    {
        if (!leftDomain.SequenceEqual("gmail.com") && !rightDomain.SequenceEqual("gmail.com"))
        {
            return false;
        }
        return leftLocal.ToString().Replace(".", "", StringComparison.Ordinal) == rightLocal.ToString().Replace(".", "", StringComparison.Ordinal);
    }

    /// <summary>The same letters in the same order (the local parts differ, so in digits or punctuation).</summary>
    private static bool SameLetters(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < left.Length && !char.IsAsciiLetter(left[i]))
            {
                i++;
            }
            while (j < right.Length && !char.IsAsciiLetter(right[j]))
            {
                j++;
            }
            if (i == left.Length || j == right.Length)
            {
                return i == left.Length && j == right.Length;
            }
            if (left[i++] != right[j++])
            {
                return false;
            }
        }
    }
}
