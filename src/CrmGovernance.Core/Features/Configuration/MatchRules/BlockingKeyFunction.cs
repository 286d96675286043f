namespace CrmGovernance.Core.Features.Configuration.MatchRules;

/// <summary>One function of a blocking key part, e.g. "metaphone" or "prefix3" (<see cref="Length"/> 3).</summary>
public sealed record BlockingKeyFunction(string Name, int Length = 0)
{
    public override string ToString() => Length > 0 ? Name + Length.ToString(System.Globalization.CultureInfo.InvariantCulture) : Name;
}
