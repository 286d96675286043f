namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>An assessment with the names of its system and object (from the current configuration, or the version it ran under).</summary>
public sealed record AssessmentView(Assessment Assessment, string SystemName, string ObjectName);
