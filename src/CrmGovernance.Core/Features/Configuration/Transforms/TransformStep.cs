using System.Globalization;
using System.Text.RegularExpressions;
using CrmGovernance.Core.Features.Configuration.Model;
using PhoneNumbers;

namespace CrmGovernance.Core.Features.Configuration.Transforms;

/// <summary>Runs one transform on one value. Null passes through every step but Constant and DefaultIfEmpty.</summary>
public static partial class TransformStep
{
    public const string IsoDate = "yyyy-MM-dd";
    public const string IsoDateTime = "yyyy-MM-ddTHH:mm:ssZ";

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The transformed value, or an error saying why the value could not be transformed.</summary>
    public static (string? Value, string? Error) Apply(Transform t, string? value, string defaultRegion) => t.Kind switch
    {
        TransformKind.Trim => (value?.Trim(), null),
        TransformKind.CollapseWhitespace => (value is null ? null : Whitespace().Replace(value, " ").Trim(), null),
        TransformKind.UpperCase => (value?.ToUpperInvariant(), null),
        TransformKind.LowerCase => (value?.ToLowerInvariant(), null),
        TransformKind.TitleCase => (value is null ? null : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(value.ToLowerInvariant()), null),
        TransformKind.EmailNormalise => Email(value),
        TransformKind.PhoneE164 => Phone(value, t.Arg("region") ?? defaultRegion),
        TransformKind.ParseDate => ParseDate(value, Formats(t), HasTime(t)),
        TransformKind.FormatDate => FormatDate(value, t.Arg("format") ?? IsoDate),
        TransformKind.ValueMap => Map(t, value),
        TransformKind.Concatenate => (value, null),
        TransformKind.Split => (Split(value, t), null),
        TransformKind.Constant => (t.Arg("value"), null),
        TransformKind.DefaultIfEmpty => (string.IsNullOrWhiteSpace(value) ? t.Arg("value") : value, null),
        TransformKind.Truncate => (Truncate(value, t), null),
        _ => (value, $"Unknown transform {t.Kind}."),
    };

    /// <summary>Whether .NET can write a date with this format (a half-typed quote or a lone % cannot).</summary>
    public static bool IsValidFormat(string format)
    {
        try
        {
            _ = new DateTime(2024, 12, 31, 23, 59, 58, DateTimeKind.Utc).ToString(format, CultureInfo.InvariantCulture);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string[] Formats(Transform t) =>
        (t.Arg("formats") ?? IsoDate).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool HasTime(Transform t) => Formats(t).Any(f => f.Contains('H', StringComparison.Ordinal) || f.Contains('h', StringComparison.Ordinal));

    private static (string?, string?) Email(string? value)
    {
        if (value is null)
        {
            return (null, null);
        }
        var email = value.Trim().ToLowerInvariant();
        return email.Length == 0 ? (null, null)
            : EmailShape().IsMatch(email) ? (email, null)
            : (email, $"'{value}' is not an email address.");
    }

    private static (string?, string?) Phone(string? value, string region)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }
        try
        {
            var number = Phones.Parse(value, region);
            return Phones.IsValidNumber(number)
                ? (Phones.Format(number, PhoneNumberFormat.E164), null)
                : (value, $"'{value}' is not a valid phone number for region {region}.");
        }
        catch (NumberParseException)
        {
            return (value, $"'{value}' is not a phone number.");
        }
    }

    private static (string?, string?) ParseDate(string? value, string[] formats, bool withTime)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }
        try
        {
            return DateTime.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)
                ? (d.ToString(withTime ? IsoDateTime : IsoDate, CultureInfo.InvariantCulture), null)
                : (value, $"'{value}' is not a date in the format {string.Join(" or ", formats)}.");
        }
        catch (FormatException)
        {
            return (value, $"The date format {string.Join(" or ", formats)} is not valid.");
        }
    }

    private static (string?, string?) FormatDate(string? value, string format)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d))
        {
            return (value, $"'{value}' is not a date.");
        }
        return IsValidFormat(format) ? (d.ToString(format, CultureInfo.InvariantCulture), null) : (value, $"The date format '{format}' is not valid.");
    }

    private static (string?, string?) Map(Transform t, string? value)
    {
        if (value is null)
        {
            return (null, null);
        }
        var key = value.Trim();
        foreach (var (from, to) in t.Map)
        {
            if (string.Equals(from, key, StringComparison.OrdinalIgnoreCase))
            {
                return (to, null);
            }
        }
        return t.Arg("default") is { } fallback ? (fallback, null) : (value, $"No mapping for '{value}' and no default value.");
    }

    private static string? Split(string? value, Transform t)
    {
        if (value is null)
        {
            return null;
        }
        var parts = value.Split(t.Arg("separator") is { Length: > 0 } s ? s : " ", StringSplitOptions.TrimEntries);
        var index = int.TryParse(t.Arg("index"), CultureInfo.InvariantCulture, out var i) ? i : 0;
        if (index < 0)
        {
            index += parts.Length;
        }
        return index >= 0 && index < parts.Length ? parts[index] : null;
    }

    private static string? Truncate(string? value, Transform t)
    {
        var length = int.TryParse(t.Arg("length"), CultureInfo.InvariantCulture, out var n) ? Math.Max(0, n) : int.MaxValue;
        if (value is null || value.Length <= length)
        {
            return value;
        }
        // Never cut a character in half: drop a lone high surrogate at the end.
        return length > 0 && char.IsHighSurrogate(value[length - 1]) ? value[..(length - 1)] : value[..length];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();
}
