using System.Globalization;
using System.Text.RegularExpressions;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// What format a field's values should have and whether one has it. The forms are the ones an integration can rely on:
/// emails with one @ and a dotted domain, phones in E.164 (a national spelling is a finding: it differs per system),
/// dates in ISO 8601, postcodes of the assessed region, absolute http(s) addresses.
/// </summary>
public static partial class ValueFormats
{
    private static readonly string[] PostcodeNames = ["postcode", "post_code", "postalcode", "postal_code", "zip", "zipcode", "zip_code"];
    private static readonly string[] UrlNames = ["url", "website", "web_site", "homepage", "home_page", "web", "site"];

    public static FormatCheck For(FieldDefinition field) => field.Type switch
    {
        FieldType.Email => FormatCheck.Email,
        FieldType.Phone => FormatCheck.Phone,
        FieldType.Date or FieldType.DateTime => FormatCheck.Date,
        FieldType.Text when NameIs(field.Name, PostcodeNames) => FormatCheck.Postcode,
        FieldType.Text when NameIs(field.Name, UrlNames) => FormatCheck.Url,
        _ => FormatCheck.None,
    };

    /// <summary>Null when the value has the form; otherwise why not, in a few words.</summary>
    public static string? Problem(FormatCheck check, string value, string region) => check switch
    {
        FormatCheck.Email => Email().IsMatch(value) ? null : "not an email address",
        FormatCheck.Phone => PhoneProblem(value, region),
        FormatCheck.Date => IsoDate().IsMatch(value) && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)
            ? null
            : IsOtherDate(value) ? "a date, not in ISO 8601 (yyyy-mm-dd)" : "not a date",
        FormatCheck.Postcode => Postcode(region).IsMatch(value) ? null : $"not a postcode of {region}",
        FormatCheck.Url => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Contains('.', StringComparison.Ordinal) ? null : "not a web address (https://…)",
        _ => null,
    };

    private static string? PhoneProblem(string value, string region)
    {
        if (E164().IsMatch(value))
        {
            return null;
        }
        // A number the region's plan reads is a spelling problem a Phone to E.164 step fixes; anything else is not a phone.
        return PhoneNormaliser.Normalise(value, region) is { } e164 && E164().IsMatch(e164) ? "a phone number, not in E.164 (+…)" : "not a phone number";
    }

    // Day-first and month-first spellings both count as dates here: either way the value needs a transform.
    private static readonly string[] OtherDateForms =
        ["d/M/yyyy", "M/d/yyyy", "d.M.yyyy", "d-M-yyyy", "yyyy/M/d", "d/M/yy", "d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "yyyyMMdd"];

    private static bool IsOtherDate(string value) =>
        DateTime.TryParseExact(value.Trim(), OtherDateForms, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)
        || DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool NameIs(string name, string[] names)
    {
        var plain = name.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        return names.Any(n => plain == n || plain.EndsWith("_" + n, StringComparison.Ordinal));
    }

    private static Regex Postcode(string region) => region.ToUpperInvariant() switch
    {
        "GB" => GbPostcode(),
        "US" => UsZip(),
        "DE" or "FR" or "ES" or "IT" or "FI" => FiveDigits(),
        "NL" => NlPostcode(),
        "CA" => CaPostcode(),
        "AT" or "BE" or "CH" or "DK" or "NO" or "AU" or "NZ" => FourDigits(),
        _ => AnyPostcode(),
    };

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(GIR 0AA|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})$")]
    private static partial Regex GbPostcode();

    [GeneratedRegex(@"^\d{5}(-\d{4})?$")]
    private static partial Regex UsZip();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex FiveDigits();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex FourDigits();

    [GeneratedRegex(@"^\d{4} [A-Z]{2}$")]
    private static partial Regex NlPostcode();

    [GeneratedRegex(@"^[A-Z]\d[A-Z] \d[A-Z]\d$")]
    private static partial Regex CaPostcode();

    [GeneratedRegex(@"^[A-Z\d][A-Z\d -]{1,9}$")]
    private static partial Regex AnyPostcode();
}
