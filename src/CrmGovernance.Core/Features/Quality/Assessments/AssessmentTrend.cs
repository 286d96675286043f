namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// The completed assessments of one system's object, oldest first, with the configuration versions published between
/// each and the one before, and each field's fill rate and non-conforming share across them.
/// </summary>
public sealed record AssessmentTrend(IReadOnlyList<TrendPoint> Points, IReadOnlyList<FieldTrend> Fields)
{
    public static readonly AssessmentTrend Empty = new([], []);
}

/// <summary>One assessment in a trend; <see cref="PublishedSince"/> lists the versions published since the assessment before it.</summary>
public sealed record TrendPoint(long AssessmentId, DateTime FinishedUtc, int ConfigurationVersion, long Records, QualityScores Scores, IReadOnlyList<VersionMark> PublishedSince);

/// <summary>A configuration version published between two assessments: what changed may explain a change in the figures.</summary>
public sealed record VersionMark(int Number, DateTime PublishedUtc, string PublishedBy, string? ChangeRequestLabel, string? ChangeRequestTitle);

/// <summary>One field across a trend's assessments (aligned with its points; null where the field was not in that assessment).</summary>
public sealed record FieldTrend(string Field, IReadOnlyList<double?> FillRates, IReadOnlyList<double?> NonConforming);

/// <summary>The latest completed assessment of a system's object, for a flow, a change request or the dashboard.</summary>
public sealed record LatestAssessment(Guid SystemId, string SystemName, Guid ObjectId, string ObjectName, Assessment? Latest, bool Running, bool MayAssess, string? CannotAssess);
