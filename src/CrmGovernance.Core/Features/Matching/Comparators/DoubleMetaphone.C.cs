namespace CrmGovernance.Core.Features.Matching.Comparators;

public static partial class DoubleMetaphone
{
    private static int HandleC(string value, Codes result, int index)
    {
        if (IsGermanicC(value, index))
        {
            result.Append('K'); // "bacher", "macher"
            return index + 2;
        }
        if (index == 0 && Contains(value, index, 6, "CAESAR"))
        {
            result.Append('S');
            return index + 2;
        }
        if (Contains(value, index, 2, "CH"))
        {
            return HandleCh(value, result, index);
        }
        if (Contains(value, index, 2, "CZ") && !Contains(value, index - 2, 4, "WICZ"))
        {
            result.Append('S', 'X'); // "Czerny"
            return index + 2;
        }
        if (Contains(value, index + 1, 3, "CIA"))
        {
            result.Append('X'); // "focaccia"
            return index + 3;
        }
        if (Contains(value, index, 2, "CC") && !(index == 1 && At(value, 0) == 'M'))
        {
            return HandleCc(value, result, index); // double "cc", but not "McClelland"
        }
        if (Contains(value, index, 2, "CK", "CG", "CQ"))
        {
            result.Append('K');
            return index + 2;
        }
        if (Contains(value, index, 2, "CI", "CE", "CY"))
        {
            if (Contains(value, index, 3, "CIO", "CIE", "CIA"))
            {
                result.Append('S', 'X'); // Italian
            }
            else
            {
                result.Append('S');
            }
            return index + 2;
        }
        result.Append('K');
        if (Contains(value, index + 1, 2, " C", " Q", " G"))
        {
            return index + 3; // "Mac Caffrey", "Mac Gregor"
        }
        return Contains(value, index + 1, 1, "C", "K", "Q") && !Contains(value, index + 1, 2, "CE", "CI") ? index + 2 : index + 1;
    }

    private static int HandleCc(string value, Codes result, int index)
    {
        if (Contains(value, index + 2, 1, "I", "E", "H") && !Contains(value, index + 2, 2, "HU"))
        {
            if ((index == 1 && At(value, index - 1) == 'A') || Contains(value, index - 1, 5, "UCCEE", "UCCES"))
            {
                result.Append("KS"); // "accident", "accede", "succeed"
            }
            else
            {
                result.Append('X'); // "bacci", "bertucci"
            }
            return index + 3;
        }
        result.Append('K'); // Pierce's rule
        return index + 2;
    }

    private static int HandleCh(string value, Codes result, int index)
    {
        if (index > 0 && Contains(value, index, 4, "CHAE"))
        {
            result.Append('K', 'X'); // "Michael"
            return index + 2;
        }
        if (IsGreekCh(value, index) || IsGermanicCh(value, index))
        {
            result.Append('K'); // "chemistry", "chorus"; "Bach", "orchestra"
            return index + 2;
        }
        if (index > 0)
        {
            if (Contains(value, 0, 2, "MC"))
            {
                result.Append('K');
            }
            else
            {
                result.Append('X', 'K');
            }
        }
        else
        {
            result.Append('X');
        }
        return index + 2;
    }

    private static bool IsGermanicC(string value, int index)
    {
        if (Contains(value, index, 4, "CHIA"))
        {
            return true;
        }
        if (index <= 1 || IsVowel(At(value, index - 2)) || !Contains(value, index - 1, 3, "ACH"))
        {
            return false;
        }
        var next = At(value, index + 2);
        return (next != 'I' && next != 'E') || Contains(value, index - 2, 6, "BACHER", "MACHER");
    }

    private static bool IsGreekCh(string value, int index) =>
        index == 0
        && (Contains(value, index + 1, 5, "HARAC", "HARIS") || Contains(value, index + 1, 3, "HOR", "HYM", "HIA", "HEM"))
        && !Contains(value, 0, 5, "CHORE");

    private static bool IsGermanicCh(string value, int index) =>
        Contains(value, 0, 4, "VAN ", "VON ") || Contains(value, 0, 3, "SCH")
        || Contains(value, index - 2, 6, "ORCHES", "ARCHIT", "ORCHID")
        || Contains(value, index + 2, 1, "T", "S")
        || ((Contains(value, index - 1, 1, "A", "O", "U", "E") || index == 0)
            && (Contains(value, index + 2, 1, "L", "R", "N", "M", "B", "H", "F", "V", "W", " ") || index + 1 == value.Length - 1));
}
