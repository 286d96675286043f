using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;

namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>What each transform reads from its arguments cell: its readable name, the arguments it needs and may take.</summary>
internal static class WorkbookTransforms
{
    public static IReadOnlyList<string> Required(TransformKind kind) =>
        [.. TransformCatalog.Arguments(kind).Where(a => a.Required).Select(a => a.Name)];

    public static IReadOnlyList<string> Optional(TransformKind kind) =>
        [.. TransformCatalog.Arguments(kind).Where(a => !a.Required).Select(a => a.Name)];

    public static bool TakesMap(TransformKind kind) => kind == TransformKind.ValueMap;

    public static string Label(TransformKind kind) => TransformCatalog.Label(kind);

    /// <summary>A transform by its name in the dropdown ("ParseDate") or its readable name ("Parse date"), in any case.</summary>
    public static TransformKind? Find(string text)
    {
        var wanted = text.Replace(" ", "", StringComparison.Ordinal);
        foreach (var kind in Enum.GetValues<TransformKind>())
        {
            if (string.Equals(kind.ToString(), wanted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Label(kind), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }
        return null;
    }

    /// <summary>One line for the "How to edit" sheet.</summary>
    public static string Describe(TransformKind kind)
    {
        var arguments = Required(kind).Select(a => a + " (required)").Concat(Optional(kind)).ToList();
        if (TakesMap(kind))
        {
            arguments.Insert(0, "map: entries");
        }
        return arguments.Count == 0 ? "no arguments" : string.Join(", ", arguments);
    }
}
