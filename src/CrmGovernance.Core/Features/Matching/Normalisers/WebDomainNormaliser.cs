using System.Collections.Frozen;

namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// The web domain of an email address or a website ("https://www.Acme.com/about" → "acme.com"), and whether it is
/// a free-mail domain that says nothing about a company.
/// </summary>
public static class WebDomainNormaliser
{
    private static readonly FrozenSet<string> FreeMail = new[]
    {
        "gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "outlook.com", "live.com", "live.co.uk",
        "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "ymail.com", "aol.com", "icloud.com", "me.com", "mac.com",
        "protonmail.com", "proton.me", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "zoho.com", "yandex.ru",
        "yandex.com", "mail.ru", "qq.com", "163.com", "126.com", "btinternet.com", "sky.com", "virginmedia.com",
        "comcast.net", "verizon.net", "att.net", "orange.fr", "free.fr", "laposte.net", "wanadoo.fr", "t-online.de",
        "libero.it", "bigpond.com", "fastmail.com", "hey.com", "tutanota.com",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The canonical form; hostile input that one pass leaves half-cleaned is passed again until it is stable.</summary>
    public static string? Normalise(string? value) => StableForm.Of(value, Once);

    private static string? Once(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim().ToLowerInvariant();
        var at = text.LastIndexOf('@');
        if (at >= 0)
        {
            text = text[(at + 1)..];
        }
        var scheme = text.IndexOf("//", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 2)..];
        }
        var end = text.IndexOfAny(['/', '?', '#', ':', ' ', '>']);
        if (end >= 0)
        {
            text = text[..end];
        }
        text = text.Trim('.', '<', '"', '\'');
        while (text.StartsWith("www.", StringComparison.Ordinal))
        {
            text = text[4..].Trim('.', '<', '"', '\'');
        }
        return text.Length == 0 ? null : text;
    }

    /// <summary>The domain, or null when it is a free-mail domain (gmail.com, hotmail.com …): shared by strangers.</summary>
    public static string? ForCompany(string? value)
    {
        var domain = Normalise(value);
        return domain is null || IsFreeMail(domain) ? null : domain;
    }

    public static bool IsFreeMail(string domain) => FreeMail.Contains(domain);
}
