using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;

namespace CrmGovernance.Web.Features.Governance;

/// <summary>Which arguments each transform takes, with labels and hints for the mapping editor.</summary>
public static class TransformArguments
{
    public sealed record Argument(string Name, string Label, string Hint);

    public static IReadOnlyList<Argument> Of(TransformKind kind) => kind switch
    {
        TransformKind.ParseDate => [new("formats", "Formats", "e.g. dd/MM/yyyy HH:mm; separate several with |")],
        TransformKind.FormatDate => [new("format", "Format", "e.g. yyyy-MM-dd")],
        TransformKind.ValueMap => [new("default", "Default", "written when the table has no entry for the value")],
        TransformKind.Concatenate => [new("separator", "Separator", "between the source values, e.g. a space")],
        TransformKind.Split => [new("separator", "Separator", "e.g. a space or a comma"), new("index", "Part", "0 is the first, -1 the last")],
        TransformKind.Constant => [new("value", "Value", "always written")],
        TransformKind.DefaultIfEmpty => [new("value", "Value", "written when the value is empty")],
        TransformKind.Truncate => [new("length", "Length", "maximum number of characters")],
        TransformKind.PhoneE164 => [new("region", "Region", "e.g. GB; empty uses the flow's default region")],
        _ => [],
    };

    public static string Describe(TransformKind kind) => TransformLabels.Label(kind);

    public static string Summary(FieldMapping mapping) =>
        mapping.Transforms.Count == 0 ? "as is" : string.Join(" → ", mapping.Transforms.Select(t => Describe(t.Kind)));
}
