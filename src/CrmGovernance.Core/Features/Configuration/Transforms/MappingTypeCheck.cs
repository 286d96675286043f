using System.Globalization;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;

namespace CrmGovernance.Core.Features.Configuration.Transforms;

/// <summary>
/// Design-time check of a mapping's transform chain against the source and target field types: text into a date
/// without a parse step, a value map without a default, a picklist value the target does not allow, ….
/// Messages are written for business owners.
/// </summary>
public static class MappingTypeCheck
{
    public static IReadOnlyList<string> Check(FieldMapping mapping, IReadOnlyList<FieldDefinition> sources, FieldDefinition target)
    {
        var errors = new List<string>();
        var first = mapping.Transforms.FirstOrDefault()?.Kind;
        if (sources.Count == 0 && first is not (TransformKind.Constant or TransformKind.DefaultIfEmpty))
        {
            errors.Add($"{target.Name}: choose a source field, or start with a Constant step.");
        }
        if (sources.Count > 1 && first != TransformKind.Concatenate)
        {
            errors.Add($"{target.Name}: several source fields need a Concatenate step first.");
        }

        var kind = sources.Count == 1 ? ValueKinds.Of(sources[0].Type) : ValueKind.Text;
        var index = 0;
        foreach (var step in mapping.Transforms)
        {
            index++;
            var (next, error) = Step(step, kind, index);
            if (error is not null)
            {
                errors.Add($"{target.Name}, step {index} ({TransformCatalog.Label(step.Kind)}): {error}");
            }
            kind = next;
        }
        errors.AddRange(TargetErrors(mapping, kind, target));
        return errors;
    }

    private static (ValueKind Next, string? Error) Step(Transform step, ValueKind kind, int index) => step.Kind switch
    {
        TransformKind.Trim or TransformKind.CollapseWhitespace or TransformKind.UpperCase or TransformKind.LowerCase
            or TransformKind.TitleCase => Textual(kind, kind),
        TransformKind.Truncate => Truncate(kind, step),
        TransformKind.Split => Textual(kind, ValueKind.Text),
        TransformKind.EmailNormalise => Textual(kind, ValueKind.Email),
        TransformKind.PhoneE164 => kind is ValueKind.Text or ValueKind.Phone or ValueKind.Number
            ? (ValueKind.Phone, RegionProblem(step)) : (ValueKind.Phone, $"needs text or a phone number, not a {ValueKinds.Describe(kind)}."),
        TransformKind.ParseDate => kind == ValueKind.Text
            ? (ParseDateKind(step), TransformStep.Formats(step).Length == 0 ? "give at least one date format."
                : TransformStep.Formats(step).FirstOrDefault(f => !TransformStep.IsValidFormat(f)) is { } bad ? $"the date format '{bad}' is not valid." : null)
            : (ParseDateKind(step), $"reads text, but the value is already a {ValueKinds.Describe(kind)}."),
        TransformKind.FormatDate => kind is ValueKind.Date or ValueKind.DateTime
            ? (ValueKind.Text, string.IsNullOrWhiteSpace(step.Arg("format")) ? "give the date format to write."
                : !TransformStep.IsValidFormat(step.Arg("format")!) ? $"the date format '{step.Arg("format")}' is not valid." : null)
            : (ValueKind.Text, $"needs a date, but the value is {ValueKinds.Describe(kind)}: add a Parse date step before it."),
        TransformKind.ValueMap => (ValueKind.Text, step.Arg("default") is null ? "give a default for values the table does not list." : null),
        TransformKind.Concatenate => (ValueKind.Text, index == 1 ? null : "must be the first step."),
        TransformKind.Constant => (ValueKind.Text, step.Arg("value") is null ? "give the constant value." : null),
        TransformKind.DefaultIfEmpty => (kind, step.Arg("value") is null ? "give the default value." : null),
        _ => (kind, "is not a known transform."),
    };

    private static (ValueKind, string?) Truncate(ValueKind kind, Transform step)
    {
        var (next, error) = Textual(kind, kind);
        return int.TryParse(step.Arg("length"), CultureInfo.InvariantCulture, out var n) && n > 0
            ? (next, error)
            : (next, error ?? "give the maximum length as a whole number above zero.");
    }

    private static (ValueKind, string?) Textual(ValueKind kind, ValueKind next) =>
        kind is ValueKind.Text or ValueKind.Email or ValueKind.Phone
            ? (next, null)
            : (next, $"works on text, but the value is a {ValueKinds.Describe(kind)}.");

    private static string? RegionProblem(Transform step) =>
        step.Arg("region") is { } region && !string.IsNullOrWhiteSpace(region) && !PhoneRegions.IsKnown(region)
            ? $"the region \"{region.Trim()}\" is not a country code; use the two-letter ISO 3166 code, e.g. GB or US."
            : null;

    private static ValueKind ParseDateKind(Transform step) => TransformStep.HasTime(step) ? ValueKind.DateTime : ValueKind.Date;

    private static IEnumerable<string> TargetErrors(FieldMapping mapping, ValueKind kind, FieldDefinition target)
    {
        var wanted = ValueKinds.Of(target.Type);
        var last = mapping.Transforms.LastOrDefault();
        var literal = last?.Kind switch
        {
            TransformKind.ValueMap => last.Map.Values.Append(last.Arg("default") ?? "").Where(v => v.Length > 0).ToList(),
            TransformKind.Constant => [last.Arg("value") ?? ""],
            _ => null,
        };

        if (literal is not null)
        {
            // Literal outputs are checked value by value against the target.
            foreach (var value in literal.Where(v => !Fits(v, target)))
            {
                yield return $"{target.Name}: '{value}' is not a valid {Describe(target)}.";
            }
            yield break;
        }
        var ok = wanted switch
        {
            ValueKind.Date => kind is ValueKind.Date or ValueKind.DateTime,
            ValueKind.DateTime => kind is ValueKind.Date or ValueKind.DateTime,
            ValueKind.Number => kind == ValueKind.Number,
            ValueKind.Boolean => kind == ValueKind.Boolean,
            _ => true,
        };
        if (!ok)
        {
            yield return wanted is ValueKind.Date or ValueKind.DateTime
                ? $"{target.Name} is a {ValueKinds.Describe(wanted)}, but the mapping gives {ValueKinds.Describe(kind)}: add a Parse date step."
                : $"{target.Name} is a {ValueKinds.Describe(wanted)}, but the mapping gives {ValueKinds.Describe(kind)}.";
        }
    }

    private static string Describe(FieldDefinition target) =>
        target.Type == FieldType.Picklist ? $"value of the picklist {target.Name} ({string.Join(", ", target.AllowedValues)})" : ValueKinds.Describe(ValueKinds.Of(target.Type));

    private static bool Fits(string value, FieldDefinition target) => target.Type switch
    {
        FieldType.Picklist => target.AllowedValues.Contains(value, StringComparer.OrdinalIgnoreCase),
        FieldType.Boolean => bool.TryParse(value, out _),
        FieldType.Number or FieldType.Money => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        FieldType.Date or FieldType.DateTime => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        _ => true,
    };
}
