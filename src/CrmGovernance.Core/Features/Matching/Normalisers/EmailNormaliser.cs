namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// The canonical form of an email address: trimmed, lower case, without a "mailto:" prefix or a "+tag" in the local
/// part; for Gmail (gmail.com, googlemail.com) also without dots in the local part and on gmail.com. Null when empty.
/// </summary>
public static class EmailNormaliser
{
    private static readonly char[] Wrapping = [' ', '\t', '<', '>', '"', '\''];

    /// <summary>The canonical form; hostile input that one pass leaves half-cleaned is passed again until it is stable.</summary>
    public static string? Normalise(string? value) => StableForm.Of(value, Once);

    private static string? Once(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (IsCanonical(value))
        {
            return value;
        }
        var email = value.ToLowerInvariant().Trim(Wrapping);
        while (email.StartsWith("mailto:", StringComparison.Ordinal))
        {
            email = email[7..].Trim(Wrapping);
        }
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1)
        {
            return email.Length == 0 ? null : email;
        }
        var local = email[..at];
        var domain = email[(at + 1)..].TrimEnd([.. Wrapping, '.']);
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            local = local[..plus];
        }
        if (domain is "gmail.com" or "googlemail.com")
        {
            domain = "gmail.com";
            local = local.Replace(".", "", StringComparison.Ordinal);
        }
        local = local.TrimStart(Wrapping);
        if (local.Length == 0)
        {
            return null;
        }
        var canonical = domain.Length == 0 ? local : local + "@" + domain;
        // Dropping dots can uncover a "mailto:" prefix; the canonical form must be stable.
        return canonical.StartsWith("mailto:", StringComparison.Ordinal) ? Normalise(canonical) : canonical;
    }

    /// <summary>
    /// Lower case, one "@" with something on both sides, no "+", no wrapping characters, not Gmail, no "mailto:":
    /// already canonical, so a scan of a million addresses copies none of them.
    /// </summary>
    private static bool IsCanonical(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == value.Length - 1 || value.LastIndexOf('@') != at || value[^1] == '.')
        {
            return false;
        }
        foreach (var ch in value)
        {
            if (ch is (>= 'A' and <= 'Z') or '+' or ' ' or '\t' or '<' or '>' or '"' or '\'' || ch > 127)
            {
                return false;
            }
        }
        var domain = value.AsSpan(at + 1);
        return !domain.SequenceEqual("gmail.com") && !domain.SequenceEqual("googlemail.com") && !value.StartsWith("mailto:", StringComparison.Ordinal);
    }

    /// <summary>The part before the last "@" (the whole value when there is none).</summary>
    public static ReadOnlySpan<char> Local(string email)
    {
        var at = email.LastIndexOf('@');
        return at < 0 ? email : email.AsSpan(0, at);
    }

    /// <summary>The part after the last "@" (empty when there is none).</summary>
    public static ReadOnlySpan<char> Domain(string email)
    {
        var at = email.LastIndexOf('@');
        return at < 0 ? [] : email.AsSpan(at + 1);
    }
}
