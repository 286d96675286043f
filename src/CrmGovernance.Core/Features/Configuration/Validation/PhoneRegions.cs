using PhoneNumbers;

namespace CrmGovernance.Core.Features.Configuration.Validation;

/// <summary>
/// The phone regions a flow or a Phone to E.164 step may name: ISO 3166-1 alpha-2 country codes for which
/// libphonenumber (the library that reads the numbers) has a numbering plan. "UK" or "USA" would parse nothing.
/// </summary>
public static class PhoneRegions
{
    private static readonly HashSet<string> Known = new(PhoneNumberUtil.GetInstance().GetSupportedRegions(), StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string? code) => code is { Length: 2 } && Known.Contains(code.Trim());

    /// <summary>What is wrong with a region code a person typed, or null when it is a known region (or empty).</summary>
    public static string? Problem(string? code, string label)
    {
        var value = code?.Trim() ?? "";
        if (value.Length == 0 || IsKnown(value))
        {
            return null;
        }
        var hint = value.ToUpperInvariant() switch
        {
            "UK" => " The United Kingdom is GB.",
            "USA" => " The United States are US.",
            _ => "",
        };
        return $"{label}: \"{value}\" is not a country code. Use the two-letter ISO 3166 code, e.g. GB, US, DE.{hint}";
    }
}
