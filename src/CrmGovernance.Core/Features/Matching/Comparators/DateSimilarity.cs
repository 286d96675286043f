namespace CrmGovernance.Core.Features.Matching.Comparators;

/// <summary>
/// Dates (as yyyyMMdd numbers, see <c>DateNormaliser.ToNumber</c>) compared with the typos people make: 1 equal;
/// 0.95 day and month swapped; 0.9 one digit wrong or two neighbouring digits swapped; 0.8 one of year, month and
/// day wrong; 0.7 within a month of each other; 0.6 within a year; otherwise 0. Symmetric.
/// </summary>
public static class DateSimilarity
{
    public const double Swapped = 0.95;
    public const double OneDigit = 0.9;
    public const double OneField = 0.8;
    public const double WithinAMonth = 0.7;
    public const double WithinAYear = 0.6;

    public static double Similarity(int left, int right)
    {
        if (left < 0 || right < 0)
        {
            return 0;
        }
        if (left == right)
        {
            return 1;
        }
        int ly = left / 10000, lm = left / 100 % 100, ld = left % 100;
        int ry = right / 10000, rm = right / 100 % 100, rd = right % 100;
        if (ly == ry && lm == rd && ld == rm)
        {
            return Swapped;
        }
        if (OneDigitApart(left, right))
        {
            return OneDigit;
        }
        var same = (ly == ry ? 1 : 0) + (lm == rm ? 1 : 0) + (ld == rd ? 1 : 0);
        if (same == 2)
        {
            return OneField;
        }
        // Calendar distance, roughly: good enough to tell "a few weeks out" from "another year".
        var days = Math.Abs((ly - ry) * 365.25 + (lm - rm) * 30.44 + (ld - rd));
        return days <= 31 ? WithinAMonth : days <= 366 ? WithinAYear : 0;
    }

    /// <summary>The eight digits differ in one place, or by one swap of neighbours.</summary>
    private static bool OneDigitApart(int left, int right)
    {
        Span<int> a = stackalloc int[8];
        Span<int> b = stackalloc int[8];
        for (var i = 7; i >= 0; i--)
        {
            a[i] = left % 10;
            b[i] = right % 10;
            left /= 10;
            right /= 10;
        }
        int first = -1, count = 0;
        for (var i = 0; i < 8; i++)
        {
            if (a[i] != b[i])
            {
                if (count++ == 0)
                {
                    first = i;
                }
            }
        }
        return count == 1 || (count == 2 && first < 7 && a[first] == b[first + 1] && a[first + 1] == b[first]);
    }
}
