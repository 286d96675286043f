namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>How an incoming record was matched to the target: not at all, through the crosswalk, by a match key, or by the object's match rule (auto-match).</summary>
public enum MatchKind { None, Linked, Key, Fuzzy }

/// <summary>A value a rule sets on a record of another object of the target (e.g. the order's contact).</summary>
public sealed record RelatedSet(string ObjectKey, string Field, string Value, string Rule);

/// <summary>What the rules decided for one record; without a deciding action a new record is created and a matched one updated.</summary>
public sealed class RecordDecision
{
    public List<string> FiredRules { get; } = [];
    public string? RejectReason { get; set; }
    public string? ReviewReason { get; set; }
    public bool Create { get; set; }
    public bool Update { get; set; }
    public bool OwnedFieldsOnly { get; set; }
    public bool Append { get; set; }
    public bool NotifyOwner => NotifyRules.Count > 0;
    /// <summary>The rules whose "notify the owner" action fired for the record.</summary>
    public List<string> NotifyRules { get; } = [];
    public Dictionary<string, string?> SetFields { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<RelatedSet> Related { get; } = [];

    public bool Decided => RejectReason is not null || ReviewReason is not null || Create || Update || OwnedFieldsOnly || Append;
}
