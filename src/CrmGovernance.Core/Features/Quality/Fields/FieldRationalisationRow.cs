using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Quality.Fields;

/// <summary>
/// One catalog field on the Field rationalisation page: who owns it, how full it is and when its values last changed
/// (from the latest assessments), every place the configuration uses it, why it is flagged, and its retirement if one
/// is under way.
/// </summary>
public sealed record FieldRationalisationRow(
    Guid FieldId,
    Guid SystemId,
    string SystemName,
    Guid ObjectId,
    string ObjectName,
    string Field,
    string Label,
    FieldType Type,
    string Owner,
    bool Deprecated,
    double? FillRate,
    long? Records,
    DateTime? AssessedUtc,
    FieldLastChange LastChange,
    IReadOnlyList<FieldUse> Uses,
    IReadOnlyList<FieldFlag> Flags,
    FieldRetirementView? Retirement);

/// <summary>What the Field rationalisation page lists: one system's object, flagged fields only, and a search in names and labels.</summary>
public sealed record FieldRationalisationFilter(Guid? SystemId = null, Guid? ObjectId = null, bool FlaggedOnly = false, string? Search = null);
