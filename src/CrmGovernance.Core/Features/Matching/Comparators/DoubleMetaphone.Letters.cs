namespace CrmGovernance.Core.Features.Matching.Comparators;

public static partial class DoubleMetaphone
{
    private static int HandleL(string value, Codes result, int index)
    {
        if (At(value, index + 1) != 'L')
        {
            result.Append('L');
            return index + 1;
        }
        // Spanish "-illo", "-illa", "-alle": no L sound in the alternate.
        var spanish = (index == value.Length - 3 && Contains(value, index - 1, 4, "ILLO", "ILLA", "ALLE"))
            || ((Contains(value, value.Length - 2, 2, "AS", "OS") || Contains(value, value.Length - 1, 1, "A", "O"))
                && Contains(value, index - 1, 4, "ALLE"));
        if (spanish)
        {
            result.AppendPrimary('L');
        }
        else
        {
            result.Append('L');
        }
        return index + 2;
    }

    private static int HandleR(string value, Codes result, int index, bool slavoGermanic)
    {
        // French final "-ier": silent R in the primary ("Rogier").
        if (index == value.Length - 1 && !slavoGermanic && Contains(value, index - 2, 2, "IE") && !Contains(value, index - 4, 2, "ME", "MA"))
        {
            result.AppendAlternate('R');
        }
        else
        {
            result.Append('R');
        }
        return At(value, index + 1) == 'R' ? index + 2 : index + 1;
    }

    private static int HandleS(string value, Codes result, int index, bool slavoGermanic)
    {
        if (Contains(value, index - 1, 3, "ISL", "YSL"))
        {
            return index + 1; // "island", "isle", "carlisle"
        }
        if (index == 0 && Contains(value, index, 5, "SUGAR"))
        {
            result.Append('X', 'S');
            return index + 1;
        }
        if (Contains(value, index, 2, "SH"))
        {
            result.Append(Contains(value, index + 1, 4, "HEIM", "HOEK", "HOLM", "HOLZ") ? 'S' : 'X');
            return index + 2;
        }
        if (Contains(value, index, 3, "SIO", "SIA") || Contains(value, index, 4, "SIAN"))
        {
            if (slavoGermanic)
            {
                result.Append('S');
            }
            else
            {
                result.Append('S', 'X'); // Italian and Armenian
            }
            return index + 3;
        }
        if ((index == 0 && Contains(value, index + 1, 1, "M", "N", "L", "W")) || Contains(value, index + 1, 1, "Z"))
        {
            result.Append('S', 'X'); // "Smith" meets "Schmidt", "Snider" meets "Schneider"
            return Contains(value, index + 1, 1, "Z") ? index + 2 : index + 1;
        }
        if (Contains(value, index, 2, "SC"))
        {
            return HandleSc(value, result, index);
        }
        if (index == value.Length - 1 && Contains(value, index - 2, 2, "AI", "OI"))
        {
            result.AppendAlternate('S'); // French "Resnais", "Artois"
        }
        else
        {
            result.Append('S');
        }
        return Contains(value, index + 1, 1, "S", "Z") ? index + 2 : index + 1;
    }

    private static int HandleSc(string value, Codes result, int index)
    {
        if (At(value, index + 2) == 'H')
        {
            // Schlesinger's rule
            if (Contains(value, index + 3, 2, "OO", "ER", "EN", "UY", "ED", "EM"))
            {
                if (Contains(value, index + 3, 2, "ER", "EN"))
                {
                    result.Append("X", "SK"); // "schermerhorn", "schenker"
                }
                else
                {
                    result.Append("SK"); // Dutch "school", "schooner"
                }
            }
            else if (index == 0 && !IsVowel(At(value, 3)) && At(value, 3) != 'W')
            {
                result.Append('X', 'S');
            }
            else
            {
                result.Append('X');
            }
        }
        else if (Contains(value, index + 2, 1, "I", "E", "Y"))
        {
            result.Append('S');
        }
        else
        {
            result.Append("SK");
        }
        return index + 3;
    }

    private static int HandleT(string value, Codes result, int index)
    {
        if (Contains(value, index, 4, "TION") || Contains(value, index, 3, "TIA", "TCH"))
        {
            result.Append('X');
            return index + 3;
        }
        if (Contains(value, index, 2, "TH") || Contains(value, index, 3, "TTH"))
        {
            if (Contains(value, index + 2, 2, "OM", "AM") || Contains(value, 0, 4, "VAN ", "VON ") || Contains(value, 0, 3, "SCH"))
            {
                result.Append('T'); // "Thomas", "Thames", Germanic
            }
            else
            {
                result.Append('0', 'T'); // '0' is "th"
            }
            return index + 2;
        }
        result.Append('T');
        return Contains(value, index + 1, 1, "T", "D") ? index + 2 : index + 1;
    }
}
