namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>One steward's decisions over the metrics window; an undone merge no longer counts.</summary>
public sealed record StewardDecisions(string Steward, int Merged, int NotDuplicate, int Deferred)
{
    public int Total => Merged + NotDuplicate + Deferred;
}
