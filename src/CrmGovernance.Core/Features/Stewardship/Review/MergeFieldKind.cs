namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>What a field is to a merge's default choice (<see cref="MergeDefaults"/>).</summary>
public enum MergeFieldKind
{
    /// <summary>Follows the source of truth and survivorship.</summary>
    Other,

    /// <summary>Compared by the match rule (email, phone, name, birth date, company, …): the established record's value stays.</summary>
    Identity,

    /// <summary>A "last … at" date or time (last_activity_at, lastSeenAt): the later value wins.</summary>
    LatestTime,
}
