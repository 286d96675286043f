using System.Globalization;
using System.Text;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>How real people and systems garble names and emails: case, stray spaces, swapped letters.</summary>
internal static class DemoNoise
{
    /// <summary>The same address as someone retyping it might send it (still the same address once trimmed and lower-cased).</summary>
    public static string Email(string email, Random random) => random.Next(6) switch
    {
        0 => email.ToUpperInvariant(),
        1 => TitleParts(email),
        2 => " " + email,
        3 => TitleParts(email) + "  ",
        4 => char.ToUpperInvariant(email[0]) + email[1..],
        _ => email,
    };

    /// <summary>A name as typed into a form: mostly as is, sometimes lower-case, shouted, or with extra spaces.</summary>
    public static string Name(string name, Random random) => random.Next(8) switch
    {
        0 => name.ToLowerInvariant(),
        1 => name.ToUpperInvariant(),
        2 => "  " + name + " ",
        3 => name.Replace(" ", "   ", StringComparison.Ordinal) + " ",
        _ => name,
    };

    /// <summary>Two neighbouring letters swapped (Smith → Smtih).</summary>
    public static string Typo(string name, Random random)
    {
        if (name.Length < 4)
        {
            return name;
        }
        var i = 1 + random.Next(name.Length - 2);
        var chars = name.ToCharArray();
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        return new string(chars);
    }

    /// <summary>Letters only, lower-case, accents dropped: "Zoë" → "zoe", "O'Brien" → "obrien", "van der Berg" → "vanderberg".</summary>
    public static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    private static string TitleParts(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return string.Join('.', email[..at].Split('.').Select(Capital)) + "@" + Capital(email[(at + 1)..]);
    }

    private static string Capital(string part) => part.Length == 0 ? part : char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..];
}
