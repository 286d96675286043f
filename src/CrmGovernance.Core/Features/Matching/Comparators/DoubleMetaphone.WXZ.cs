namespace CrmGovernance.Core.Features.Matching.Comparators;

public static partial class DoubleMetaphone
{
    private static int HandleW(string value, Codes result, int index)
    {
        if (Contains(value, index, 2, "WR"))
        {
            result.Append('R');
            return index + 2;
        }
        if (index == 0 && (IsVowel(At(value, index + 1)) || Contains(value, index, 2, "WH")))
        {
            if (IsVowel(At(value, index + 1)))
            {
                result.Append('A', 'F'); // "Wasserman" meets "Vasserman"
            }
            else
            {
                result.Append('A'); // "Uomo" meets "Womo"
            }
            return index + 1;
        }
        if ((index == value.Length - 1 && IsVowel(At(value, index - 1)))
            || Contains(value, index - 1, 5, "EWSKI", "EWSKY", "OWSKI", "OWSKY") || Contains(value, 0, 3, "SCH"))
        {
            result.AppendAlternate('F'); // "Arnow" meets "Arnoff"
            return index + 1;
        }
        if (Contains(value, index, 4, "WICZ", "WITZ"))
        {
            result.Append("TS", "FX"); // Polish "Filipowicz"
            return index + 4;
        }
        return index + 1;
    }

    private static int HandleX(string value, Codes result, int index)
    {
        if (index == 0)
        {
            result.Append('S');
            return index + 1;
        }
        var frenchEnd = index == value.Length - 1 && (Contains(value, index - 3, 3, "IAU", "EAU") || Contains(value, index - 2, 2, "AU", "OU"));
        if (!frenchEnd)
        {
            result.Append("KS"); // not French "breaux"
        }
        return Contains(value, index + 1, 1, "C", "X") ? index + 2 : index + 1;
    }

    private static int HandleZ(string value, Codes result, int index, bool slavoGermanic)
    {
        if (At(value, index + 1) == 'H')
        {
            result.Append('J'); // Chinese pinyin "Zhao"
            return index + 2;
        }
        if (Contains(value, index + 1, 2, "ZO", "ZI", "ZA") || (slavoGermanic && index > 0 && At(value, index - 1) != 'T'))
        {
            result.Append("S", "TS");
        }
        else
        {
            result.Append('S');
        }
        return At(value, index + 1) == 'Z' ? index + 2 : index + 1;
    }
}
