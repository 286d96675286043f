using System.Text;

namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// A company name reduced to the words that tell companies apart: "* Koninklijke Philips Electronics N.V., Eindhoven"
/// → "koninklijke philips electronics"; "N. V. PHILIPS' GLOEILAMPENFABRIEKEN" → "philips gloeilampenfabrieken";
/// "D S M N.V." → "dsm". Legal forms go in any spelling (N.V., NV, N. V.) and wherever they stand; what follows a legal
/// form is a place or an address and goes too; letters written apart are joined ("U.S.", "D S M"); possessives,
/// punctuation and the words that join names ("and", "&", "the") go; common abbreviations are spelled one way
/// (<see cref="CompanyWords"/>). A name that is nothing but a legal form keeps it.
/// </summary>
public static class CompanyNameNormaliser
{
    /// <summary>Longer values are cut here: a name is never that long, and the work stays bounded.</summary>
    private const int MaxLength = 400;

    /// <summary>The canonical form; hostile input that one pass leaves half-cleaned is passed again until it is stable.</summary>
    public static string? Normalise(string? value) => StableForm.Of(value, Once);

    private static string? Once(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var folded = TextNormaliser.Fold(Prepare(value.Length > MaxLength ? value[..MaxLength] : value));
        if (folded is null)
        {
            return null;
        }
        var words = JoinLetters(folded.Split(' '));
        var legal = MarkLegalForms(words);
        var start = LeadingFormsEnd(words);
        var end = words.Count;
        for (var i = start + 1; i < end; i++)
        {
            if (legal[i] && !CompanyWords.TrailingForms.Contains(words[i]))
            {
                end = i;
            }
        }
        while (end > start + 1 && (legal[end - 1] || CompanyWords.TrailingForms.Contains(words[end - 1])))
        {
            end--;
        }
        var kept = new List<string>(end - start);
        for (var i = start; i < end; i++)
        {
            if ((!legal[i] || i == start) && !CompanyWords.Joiners.Contains(words[i]))
            {
                kept.Add(CompanyWords.Abbreviations.GetValueOrDefault(words[i], words[i]));
            }
        }
        return kept.Count == 0 ? folded : string.Join(' ', kept);
    }

    /// <summary>"&amp;" is "and"; a possessive ("Philips's", "Philips'") is the name; dots and slashes part words.</summary>
    private static string Prepare(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            var apostrophe = ch is '\'' or '’' or '`' or '´';
            if (apostrophe && i + 1 < value.Length && value[i + 1] is 's' or 'S' && (i + 2 == value.Length || !char.IsLetter(value[i + 2])))
            {
                i++;
                continue;
            }
            text.Append(ch switch
            {
                '&' or '+' => " and ",
                '.' or '/' or '\\' or ',' or ';' or ':' or '(' or ')' or '[' or ']' or '-' => " ",
                _ when apostrophe => "",
                _ => ch.ToString(),
            });
        }
        return text.ToString();
    }

    /// <summary>Runs of two or more single letters are one word: "n v" → "nv", "u s" → "us", "d s m" → "dsm"; a legal form ending the run stays apart.</summary>
    private static List<string> JoinLetters(string[] words)
    {
        var joined = new List<string>(words.Length);
        for (var i = 0; i < words.Length;)
        {
            var end = i;
            while (end < words.Length && words[end].Length == 1 && char.IsAsciiLetter(words[end][0]))
            {
                end++;
            }
            if (end - i >= 2)
            {
                // "D.S.M. N.V." is the name "dsm" and its legal form, not one word "dsmnv".
                var form = end - i >= 3 && CompanyWords.LegalForms.Contains(words[end - 2] + words[end - 1]) ? 2 : 0;
                joined.Add(string.Concat(words[i..(end - form)]));
                if (form > 0)
                {
                    joined.Add(words[end - 2] + words[end - 1]);
                }
                i = end;
            }
            else
            {
                joined.Add(words[i++]);
            }
        }
        return joined;
    }

    /// <summary>Which words are (part of) a legal form.</summary>
    private static bool[] MarkLegalForms(List<string> words)
    {
        var legal = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            legal[i] |= CompanyWords.LegalForms.Contains(words[i]);
            foreach (var form in CompanyWords.LongForms)
            {
                if (Matches(words, i, form))
                {
                    Array.Fill(legal, true, i, form.Length);
                }
            }
        }
        return legal;
    }

    /// <summary>Where the name starts after the legal forms written before it ("N.V.", "Naamloze Vennootschap", "The").</summary>
    private static int LeadingFormsEnd(List<string> words)
    {
        var start = 0;
        while (start < words.Count - 1)
        {
            if (CompanyWords.LeadingForms.Contains(words[start]))
            {
                start++;
                continue;
            }
            var form = Array.Find(CompanyWords.LongForms, f => f.Length > 1 && start + f.Length < words.Count && Matches(words, start, f));
            if (form is null)
            {
                break;
            }
            start += form.Length;
        }
        return start;
    }

    private static bool Matches(List<string> words, int at, string[] form)
    {
        if (at + form.Length > words.Count)
        {
            return false;
        }
        for (var k = 0; k < form.Length; k++)
        {
            if (!string.Equals(words[at + k], form[k], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}
