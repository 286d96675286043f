namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>A value and how many records hold it (a picklist's unknown values).</summary>
public sealed record ValueCount(string Value, long Records);
