namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>
/// What sending a scan's pairs to the review queue did: new review items filed; pairs the queue already held or a
/// steward had marked not a duplicate; pairs left out because a record is gone or no longer scores as a candidate.
/// </summary>
public sealed record ScanFeedResult(int Filed, int AlreadyKnown, int Outdated);
