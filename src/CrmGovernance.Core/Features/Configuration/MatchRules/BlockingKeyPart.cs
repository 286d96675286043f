namespace CrmGovernance.Core.Features.Configuration.MatchRules;

/// <summary>One part of a blocking key: an attribute's normalised value passed through functions in order ("first_name.nickname.initial").</summary>
public sealed record BlockingKeyPart(string Attribute, IReadOnlyList<BlockingKeyFunction> Functions)
{
    public override string ToString() => Functions.Count == 0 ? Attribute : Attribute + "." + string.Join('.', Functions);
}
