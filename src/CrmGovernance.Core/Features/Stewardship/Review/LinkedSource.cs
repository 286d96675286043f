namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>How many crosswalk links from a source system point to a record of the review pair.</summary>
public sealed record LinkedSource(string RecordId, Guid SystemId, string SystemName, int Links);
