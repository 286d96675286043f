using System.Globalization;
using System.Text.RegularExpressions;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Transforms;

/// <summary>Validates one value against a target field of the catalog: required, type, picklist.</summary>
public static partial class FieldValueCheck
{
    public static string? Check(FieldDefinition field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return field.Required ? $"{field.Name} is required but has no value." : null;
        }
        return field.Type switch
        {
            FieldType.Email when !Email().IsMatch(value) => $"{field.Name}: '{value}' is not an email address.",
            FieldType.Phone when !E164().IsMatch(value) => $"{field.Name}: '{value}' is not a phone number in E.164 form (add a Phone to E.164 step).",
            FieldType.Number or FieldType.Money when !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) =>
                $"{field.Name}: '{value}' is not a number.",
            FieldType.Date or FieldType.DateTime when !DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) =>
                $"{field.Name}: '{value}' is not a date.",
            FieldType.Boolean when !bool.TryParse(value, out _) => $"{field.Name}: '{value}' is not true or false.",
            FieldType.Picklist when !field.AllowedValues.Contains(value, StringComparer.OrdinalIgnoreCase) =>
                $"{field.Name}: '{value}' is not one of {string.Join(", ", field.AllowedValues)}.",
            _ => null,
        };
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$")]
    private static partial Regex E164();
}
