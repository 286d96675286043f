using System.Collections.Frozen;

namespace CrmGovernance.Core.Features.Matching.Normalisers.Addresses;

/// <summary>
/// US states, Canadian provinces and Australian states by code and folded name, each to its lower-case code
/// ("illinois" → "il", "new south wales" → "nsw"); and a few British counties, which are not the city.
/// </summary>
internal static class AddressStates
{
    private static readonly FrozenDictionary<string, string> Codes = Table(
        // United States
        "al alabama", "ak alaska", "az arizona", "ar arkansas", "ca california", "co colorado", "ct connecticut",
        "de delaware", "dc district of columbia", "fl florida", "ga georgia", "hi hawaii", "id idaho", "il illinois",
        "in indiana", "ia iowa", "ks kansas", "ky kentucky", "la louisiana", "me maine", "md maryland", "ma massachusetts",
        "mi michigan", "mn minnesota", "ms mississippi", "mo missouri", "mt montana", "ne nebraska", "nv nevada",
        "nh new hampshire", "nj new jersey", "nm new mexico", "ny new york", "nc north carolina", "nd north dakota",
        "oh ohio", "ok oklahoma", "or oregon", "pa pennsylvania", "ri rhode island", "sc south carolina", "sd south dakota",
        "tn tennessee", "tx texas", "ut utah", "vt vermont", "va virginia", "wa washington", "wv west virginia",
        "wi wisconsin", "wy wyoming", "pr puerto rico",
        // Canada
        "ab alberta", "bc british columbia", "mb manitoba", "nb new brunswick", "nl newfoundland and labrador",
        "nl newfoundland", "ns nova scotia", "nt northwest territories", "nu nunavut", "on ontario",
        "pe prince edward island", "qc quebec", "qc que", "sk saskatchewan", "yt yukon",
        // Australia
        "nsw new south wales", "vic victoria", "qld queensland", "sa south australia", "wa western australia",
        "tas tasmania", "act australian capital territory", "nt northern territory");

    private static readonly FrozenSet<string> BritishCounties = new[]
    {
        "west yorkshire", "south yorkshire", "north yorkshire", "east yorkshire", "greater london", "greater manchester",
        "west midlands", "merseyside", "tyne and wear", "middlesex", "surrey", "kent", "essex", "hertfordshire", "herts",
        "berkshire", "berks", "buckinghamshire", "bucks", "oxfordshire", "oxon", "hampshire", "hants", "lancashire",
        "lancs", "cheshire", "east sussex", "west sussex", "sussex", "devon", "cornwall", "somerset", "dorset",
        "gloucestershire", "glos", "wiltshire", "norfolk", "suffolk", "cambridgeshire", "cambs", "leicestershire",
        "nottinghamshire", "notts", "derbyshire", "staffordshire", "warwickshire", "lincolnshire", "county durham",
        "northumberland", "cumbria",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The state named by the words of one part that end at <paramref name="end"/>, longest name first.</summary>
    public static (int Start, string Code)? Ending(IReadOnlyList<AddressToken> tokens, int end) =>
        end > 0 ? AddressTokens.LongestEnding(tokens, end, Codes) : null;

    public static bool IsState(string phrase) => Codes.ContainsKey(phrase);

    public static bool IsBritishCounty(string phrase) => BritishCounties.Contains(phrase);

    /// <summary>"code name" entries to a table from the code, the code with dots ("d c"), and the name to the code.</summary>
    private static FrozenDictionary<string, string> Table(params string[] entries)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var space = entry.IndexOf(' ', StringComparison.Ordinal);
            var code = entry[..space];
            table[code] = code;
            table[string.Join(' ', code.ToCharArray())] = code;
            table[entry[(space + 1)..]] = code;
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
