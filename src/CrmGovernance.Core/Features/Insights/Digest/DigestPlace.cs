namespace CrmGovernance.Core.Features.Insights.Digest;

/// <summary>
/// What a digest hotspot is: a flow; an object, for what no flow caused (pairs a duplicate scan held for review, incidents
/// about the object); a system, for incidents about the system alone.
/// </summary>
public enum DigestPlace
{
    Flow,
    BusinessObject,
    System,
}
