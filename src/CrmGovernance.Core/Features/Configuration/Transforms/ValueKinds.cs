using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Transforms;

/// <summary>How field types read as value kinds.</summary>
public static class ValueKinds
{
    public static ValueKind Of(FieldType type) => type switch
    {
        FieldType.Email => ValueKind.Email,
        FieldType.Phone => ValueKind.Phone,
        FieldType.Number or FieldType.Money => ValueKind.Number,
        FieldType.Date => ValueKind.Date,
        FieldType.DateTime => ValueKind.DateTime,
        FieldType.Boolean => ValueKind.Boolean,
        _ => ValueKind.Text,
    };

    public static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.DateTime => "date-time",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
