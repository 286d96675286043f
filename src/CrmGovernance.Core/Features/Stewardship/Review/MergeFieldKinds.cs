using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// Which of a system's fields are identity evidence (the fields carrying what the object's match rule compares of a
/// person or company) and which record when something last happened, so a merge's defaults can keep the first and
/// take the latest of the second.
/// </summary>
internal sealed class MergeFieldKinds
{
    /// <summary>Attributes that say who a person or company is; addresses and places change as people move, so they are not here.</summary>
    private static readonly HashSet<string> IdentityAttributes = new(StringComparer.Ordinal)
    {
        MatchAttributes.FirstName, MatchAttributes.LastName, MatchAttributes.FullName, MatchAttributes.Email, MatchAttributes.Phone,
        MatchAttributes.Dob, MatchAttributes.Company, MatchAttributes.NationalId, MatchAttributes.Website,
    };

    private readonly HashSet<string> _identity;
    private readonly Dictionary<string, FieldDefinition> _catalog;

    private MergeFieldKinds(HashSet<string> identity, Dictionary<string, FieldDefinition> catalog) => (_identity, _catalog) = (identity, catalog);

    public static MergeFieldKinds For(GovernanceConfiguration configuration, Guid systemId, Guid objectId)
    {
        var catalog = configuration.CatalogOf(systemId, objectId);
        var identity = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (configuration.MatchRuleOf(objectId) is { } rule)
        {
            var fields = MatchFields.For(rule, catalog).FieldByAttribute;
            foreach (var attribute in rule.Comparisons.Select(c => c.Attribute).Where(IdentityAttributes.Contains))
            {
                if (fields.TryGetValue(attribute, out var field))
                {
                    identity.Add(field);
                }
            }
        }
        return new MergeFieldKinds(identity, new Dictionary<string, FieldDefinition>(catalog, StringComparer.OrdinalIgnoreCase));
    }

    public MergeFieldKind Of(string field) =>
        _identity.Contains(field) ? MergeFieldKind.Identity
        : IsLastAt(field) && _catalog.GetValueOrDefault(field)?.Type is FieldType.Date or FieldType.DateTime ? MergeFieldKind.LatestTime
        : MergeFieldKind.Other;

    /// <summary>"last_activity_at", "lastSeenAt", "Last order at": first word "last", final word "at".</summary>
    internal static bool IsLastAt(string name)
    {
        var words = Words(name);
        return words.Count >= 3 && words[0] == "last" && words[^1] == "at";
    }

    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var previous = ' ';
        foreach (var c in name.Trim())
        {
            // A separator ends a word, and so does a capital after a small letter (camelCase).
            if (!char.IsLetterOrDigit(c) || (char.IsUpper(c) && char.IsLower(previous)))
            {
                Flush();
            }
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            previous = c;
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
