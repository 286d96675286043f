namespace CrmGovernance.Benchmarks.Matching;

/// <summary>The slips of a typist: a key inserted, dropped, hit next to the right one, or two keys swapped.</summary>
internal static class Typos
{
    private static readonly string[] Rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    /// <summary><paramref name="text"/> with one typo of a random kind; texts under two characters only get a wrong key.</summary>
    public static string Apply(string text, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }
        var at = random.Next(text.Length);
        var kind = text.Length < 2 ? 2 : random.Next(4);
        return kind switch
        {
            0 => text.Insert(at, Neighbour(text[at], random).ToString()),
            1 => text.Remove(at, 1),
            2 => string.Concat(text.AsSpan(0, at), Neighbour(text[at], random).ToString(), text.AsSpan(at + 1)),
            _ => Transpose(text, Math.Min(at, text.Length - 2)),
        };
    }

    private static string Transpose(string text, int at)
    {
        var chars = text.ToCharArray();
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return new string(chars);
    }

    /// <summary>A key next to <paramref name="key"/> on a QWERTY keyboard, in its case; a digit's neighbour is a digit.</summary>
    private static char Neighbour(char key, Random random)
    {
        if (char.IsAsciiDigit(key))
        {
            return (char)('0' + ((key - '0' + (random.Next(2) == 0 ? 9 : 1)) % 10));
        }
        var lower = char.ToLowerInvariant(key);
        foreach (var row in Rows)
        {
            var i = row.IndexOf(lower, StringComparison.Ordinal);
            if (i >= 0)
            {
                var j = i == 0 ? 1 : i == row.Length - 1 ? i - 1 : i + (random.Next(2) == 0 ? -1 : 1);
                return char.IsUpper(key) ? char.ToUpperInvariant(row[j]) : row[j];
            }
        }
        return (char)('a' + random.Next(26));
    }
}
