using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Matching;

/// <summary>Match rules for contact and company that work without tuning.</summary>
public static class DefaultMatchRules
{
    public static MatchRule Contact(Guid id, Guid objectId) => throw new NotImplementedException();

    public static MatchRule Company(Guid id, Guid objectId) => throw new NotImplementedException();

    /// <summary>The default rule for an object key ("contact", "company"), or null when there is none.</summary>
    public static MatchRule? For(string objectKey, Guid id, Guid objectId) => objectKey switch
    {
        "contact" => Contact(id, objectId),
        "company" => Company(id, objectId),
        _ => null,
    };
}
