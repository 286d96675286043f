namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>What a rule does with the record.</summary>
public enum RuleActionKind
{
    Create,
    Update,
    UpdateOwnedFieldsOnly,
    AppendActivity,
    RouteToReview,
    Reject,
    SetField,
    SuppressMarketing,
    NotifyOwner,
}
