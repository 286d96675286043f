namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// Mail domains anyone can sign up to (gmail.com, outlook.com, btinternet.com, …): an address there says nothing of the
/// person's employer, while an address at any other domain is taken as their organisation's. Checked by the domain's
/// first label for providers with many country domains (yahoo.co.uk, hotmail.fr, gmx.de).
/// </summary>
public static class PersonalMailDomains
{
    private static readonly HashSet<string> Domains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "ymail.com", "rocketmail.com", "msn.com", "icloud.com", "me.com", "mac.com", "aol.com",
        "btinternet.com", "btopenworld.com", "sky.com", "virginmedia.com", "ntlworld.com", "talktalk.net", "blueyonder.co.uk",
        "tiscali.co.uk", "protonmail.com", "proton.me", "pm.me", "tutanota.com", "fastmail.com", "zoho.com", "hushmail.com",
        "mail.com", "email.com", "inbox.com", "web.de", "t-online.de", "freenet.de", "arcor.de", "orange.fr", "free.fr",
        "laposte.net", "sfr.fr", "wanadoo.fr", "libero.it", "virgilio.it", "tin.it", "alice.it", "telenet.be", "skynet.be",
        "planet.nl", "ziggo.nl", "kpnmail.nl", "xs4all.nl", "bluewin.ch", "seznam.cz", "wp.pl", "o2.pl", "onet.pl",
        "interia.pl", "mail.ru", "bk.ru", "list.ru", "inbox.ru", "rambler.ru", "qq.com", "163.com", "126.com", "sina.com",
        "naver.com", "daum.net", "hanmail.net", "rediffmail.com", "comcast.net", "verizon.net", "att.net", "sbcglobal.net",
        "cox.net", "charter.net", "earthlink.net", "optonline.net", "shaw.ca", "rogers.com", "sympatico.ca", "bigpond.com",
        "optusnet.com.au", "xtra.co.nz", "uol.com.br", "bol.com.br", "terra.com.br",
    };

    private static readonly string[] Providers = ["yahoo", "hotmail", "outlook", "live", "gmx", "yandex", "windowslive"];

    public static bool Contains(ReadOnlySpan<char> domain)
    {
        if (domain.IsEmpty)
        {
            return false;
        }
        var text = domain.ToString();
        if (Domains.Contains(text))
        {
            return true;
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && Providers.Contains(text[..dot], StringComparer.OrdinalIgnoreCase);
    }
}
