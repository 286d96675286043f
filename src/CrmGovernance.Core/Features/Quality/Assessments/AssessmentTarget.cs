namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>A system's object the caller may assess, with how many catalog fields an assessment would profile.</summary>
public sealed record AssessmentTarget(Guid SystemId, string SystemName, Guid ObjectId, string ObjectName, int Fields);
