namespace CrmGovernance.Core.Features.Matching.Comparators;

/// <summary>1 when two values share a Double Metaphone code (primary or alternate, either side), else 0.</summary>
public static class PhoneticSimilarity
{
    public static double Similarity(string left, string right) => Similarity(DoubleMetaphone.Encode(left), DoubleMetaphone.Encode(right));

    public static double Similarity((string Primary, string Alternate) left, (string Primary, string Alternate) right) =>
        left.Primary.Length > 0 && right.Primary.Length > 0
        && (left.Primary == right.Primary || left.Primary == right.Alternate || left.Alternate == right.Primary || left.Alternate == right.Alternate)
            ? 1 : 0;
}
