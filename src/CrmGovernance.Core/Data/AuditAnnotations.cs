using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Data;

/// <summary>
/// Marks governed entities in the EF model. The audit interceptor reads these annotations,
/// so an entity becomes audited by one line in its configuration.
/// </summary>
public static class AuditAnnotations
{
    public const string EntityName = "CrmGovernance:Audit:EntityName";
    public const string Mode = "CrmGovernance:Audit:Mode";
    public const string Ignored = "ignored";
    public const string Redacted = "redacted";
    public const string AppendOnly = "CrmGovernance:AppendOnly";
    public const string ChangeRequestKey = "CrmGovernance:Audit:ChangeRequestKey";

    /// <summary>Rows of this entity can be added, never changed or removed (enforced on save).</summary>
    public static EntityTypeBuilder<T> IsAppendOnly<T>(this EntityTypeBuilder<T> builder)
        where T : class
    {
        builder.HasAnnotation(AppendOnly, true);
        return builder;
    }

    public static bool IsAppendOnly(this IReadOnlyEntityType entityType) => entityType.FindAnnotation(AppendOnly)?.Value is true;

    public static EntityTypeBuilder<T> IsAudited<T>(this EntityTypeBuilder<T> builder, string entityName)
        where T : class
    {
        builder.HasAnnotation(EntityName, entityName);
        return builder;
    }

    /// <summary>Names the property that holds the change request a row belongs to; its audit rows carry that id.</summary>
    public static EntityTypeBuilder<T> AuditsChangeRequestFrom<T>(this EntityTypeBuilder<T> builder, string propertyName)
        where T : class
    {
        builder.HasAnnotation(ChangeRequestKey, propertyName);
        return builder;
    }

    public static string? AuditedChangeRequestKey(this IReadOnlyEntityType entityType) =>
        entityType.FindAnnotation(ChangeRequestKey)?.Value as string;

    public static PropertyBuilder<T> IsNotAudited<T>(this PropertyBuilder<T> builder) =>
        builder.HasAnnotation(Mode, Ignored);

    /// <summary>The audit row says the value changed but never copies it.</summary>
    public static PropertyBuilder<T> IsRedactedInAudit<T>(this PropertyBuilder<T> builder) =>
        builder.HasAnnotation(Mode, Redacted);

    public static string? AuditedName(this IReadOnlyEntityType entityType) =>
        entityType.FindAnnotation(EntityName)?.Value as string;

    public static string? AuditMode(this IReadOnlyProperty property) =>
        property.FindAnnotation(Mode)?.Value as string;
}
