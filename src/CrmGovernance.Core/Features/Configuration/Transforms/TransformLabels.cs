using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Transforms;

/// <summary>How transforms read to people: "Parse date", "Phone to E.164", ….</summary>
public static class TransformLabels
{
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
}
