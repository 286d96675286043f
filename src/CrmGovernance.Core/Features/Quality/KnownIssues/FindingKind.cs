namespace CrmGovernance.Core.Features.Quality.KnownIssues;

/// <summary>A kind of finding an owner may accept as a known issue: per field, or (stale records) per object.</summary>
public enum FindingKind { MissingMandatory, NotConforming, UnlikeItsType, NeverFilled, StaleRecords }
