using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Transforms;

/// <summary>
/// What each transform is called and which arguments it takes: the one list the mapping editor, the workbook and the
/// handbook read.
/// </summary>
public static class TransformCatalog
{
    /// <summary>One argument of a transform, with the label and hint the editor shows.</summary>
    public sealed record Argument(string Name, string Label, string Hint, bool Required);

    public static string Label(TransformKind kind) => kind switch
    {
        TransformKind.CollapseWhitespace => "Collapse whitespace",
        TransformKind.UpperCase => "Upper case",
        TransformKind.LowerCase => "Lower case",
        TransformKind.TitleCase => "Title case",
        TransformKind.EmailNormalise => "Email normalise",
        TransformKind.PhoneE164 => "Phone to E.164",
        TransformKind.ParseDate => "Parse date",
        TransformKind.FormatDate => "Format date",
        TransformKind.ValueMap => "Value map",
        TransformKind.DefaultIfEmpty => "Default if empty",
        _ => kind.ToString(),
    };

    public static IReadOnlyList<Argument> Arguments(TransformKind kind) => kind switch
    {
        TransformKind.ParseDate => [new("formats", "Formats", "e.g. dd/MM/yyyy HH:mm; separate several with |", true)],
        TransformKind.FormatDate => [new("format", "Format", "e.g. yyyy-MM-dd", true)],
        TransformKind.ValueMap => [new("default", "Default", "written when the table has no entry for the value", true)],
        TransformKind.Concatenate => [new("separator", "Separator", "between the source values, e.g. a space", false)],
        TransformKind.Split => [new("separator", "Separator", "e.g. a space or a comma", false), new("index", "Part", "0 is the first, -1 the last", false)],
        TransformKind.Constant => [new("value", "Value", "always written", true)],
        TransformKind.DefaultIfEmpty => [new("value", "Value", "written when the value is empty", true)],
        TransformKind.Truncate => [new("length", "Length", "maximum number of characters", true)],
        TransformKind.PhoneE164 => [new("region", "Region", "e.g. GB; empty uses the flow's default region", false)],
        _ => [],
    };
}
