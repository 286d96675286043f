namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>The closed set of transforms a mapping may chain.</summary>
public enum TransformKind
{
    Trim,
    CollapseWhitespace,
    UpperCase,
    LowerCase,
    TitleCase,
    EmailNormalise,
    PhoneE164,
    ParseDate,
    FormatDate,
    ValueMap,
    Concatenate,
    Split,
    Constant,
    DefaultIfEmpty,
    Truncate,
}
