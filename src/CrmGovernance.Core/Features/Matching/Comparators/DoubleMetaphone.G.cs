namespace CrmGovernance.Core.Features.Matching.Comparators;

public static partial class DoubleMetaphone
{
    private static int HandleG(string value, Codes result, int index, bool slavoGermanic)
    {
        if (At(value, index + 1) == 'H')
        {
            return HandleGh(value, result, index);
        }
        if (At(value, index + 1) == 'N')
        {
            if (index == 1 && IsVowel(At(value, 0)) && !slavoGermanic)
            {
                result.Append("KN", "N");
            }
            else if (!Contains(value, index + 2, 2, "EY") && At(value, index + 1) != 'Y' && !slavoGermanic)
            {
                result.Append("N", "KN");
            }
            else
            {
                result.Append("KN");
            }
            return index + 2;
        }
        if (Contains(value, index + 1, 2, "LI") && !slavoGermanic)
        {
            result.Append("KL", "L"); // "tagliaro"
            return index + 2;
        }
        if (index == 0 && (At(value, index + 1) == 'Y'
            || Contains(value, index + 1, 2, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")))
        {
            result.Append('K', 'J'); // -ges-, -gep-, -gel-, -gie- at the start
            return index + 2;
        }
        if ((Contains(value, index + 1, 2, "ER") || At(value, index + 1) == 'Y')
            && !Contains(value, 0, 6, "DANGER", "RANGER", "MANGER")
            && !Contains(value, index - 1, 1, "E", "I")
            && !Contains(value, index - 1, 3, "RGY", "OGY"))
        {
            result.Append('K', 'J'); // -ger-, -gy-
            return index + 2;
        }
        if (Contains(value, index + 1, 1, "E", "I", "Y") || Contains(value, index - 1, 4, "AGGI", "OGGI"))
        {
            if (Contains(value, 0, 4, "VAN ", "VON ") || Contains(value, 0, 3, "SCH") || Contains(value, index + 1, 2, "ET"))
            {
                result.Append('K'); // Germanic
            }
            else if (Contains(value, index + 1, 3, "IER"))
            {
                result.Append('J');
            }
            else
            {
                result.Append('J', 'K');
            }
            return index + 2;
        }
        result.Append('K');
        return At(value, index + 1) == 'G' ? index + 2 : index + 1;
    }

    private static int HandleGh(string value, Codes result, int index)
    {
        if (index > 0 && !IsVowel(At(value, index - 1)))
        {
            result.Append('K');
            return index + 2;
        }
        if (index == 0)
        {
            result.Append(At(value, index + 2) == 'I' ? 'J' : 'K'); // "ghislane", "ghost"
            return index + 2;
        }
        if ((index > 1 && Contains(value, index - 2, 1, "B", "H", "D"))
            || (index > 2 && Contains(value, index - 3, 1, "B", "H", "D"))
            || (index > 3 && Contains(value, index - 4, 1, "B", "H")))
        {
            return index + 2; // Parker's rule: "Hugh", "bough", "broughton"
        }
        if (index > 2 && At(value, index - 1) == 'U' && Contains(value, index - 3, 1, "C", "G", "L", "R", "T"))
        {
            result.Append('F'); // "laugh", "McLaughlin", "cough", "rough"
        }
        else if (index > 0 && At(value, index - 1) != 'I')
        {
            result.Append('K');
        }
        return index + 2;
    }

    private static int HandleJ(string value, Codes result, int index, bool slavoGermanic)
    {
        if (Contains(value, index, 4, "JOSE") || Contains(value, 0, 4, "SAN "))
        {
            // Spanish: "Jose", "San Jacinto"
            if ((index == 0 && (At(value, index + 4) == ' ' || value.Length == 4)) || Contains(value, 0, 4, "SAN "))
            {
                result.Append('H');
            }
            else
            {
                result.Append('J', 'H');
            }
            return index + 1;
        }
        if (index == 0)
        {
            result.Append('J', 'A'); // "Jankelowicz" / "Yankelovich"
        }
        else if (IsVowel(At(value, index - 1)) && !slavoGermanic && (At(value, index + 1) is 'A' or 'O'))
        {
            result.Append('J', 'H'); // Spanish pronunciation, e.g. "bajador"
        }
        else if (index == value.Length - 1)
        {
            result.AppendPrimary('J');
        }
        else if (!Contains(value, index + 1, 1, "L", "T", "K", "S", "N", "M", "B", "Z") && !Contains(value, index - 1, 1, "S", "K", "L"))
        {
            result.Append('J');
        }
        return At(value, index + 1) == 'J' ? index + 2 : index + 1;
    }
}
