using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.MatchRules;

/// <summary>
/// Which field of a system's object carries each attribute a match rule compares: the rule's <see cref="MatchRule.FieldNames"/>
/// where given, else the catalog field of the attribute's own name. Turns a system record into a <see cref="MatchRecord"/>.
/// </summary>
public sealed class MatchFields
{
    private MatchFields(IReadOnlyDictionary<string, string> fieldByAttribute) => FieldByAttribute = fieldByAttribute;

    /// <summary>Attribute → field name, for the attributes this system's object carries.</summary>
    public IReadOnlyDictionary<string, string> FieldByAttribute { get; }

    public static MatchFields For(MatchRule rule, IReadOnlyDictionary<string, FieldDefinition> catalog)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in MatchAttributes.All)
        {
            if (rule.FieldNames.TryGetValue(attribute, out var named) && catalog.TryGetValue(named, out var field))
            {
                map[attribute] = field.Name;
            }
            else if (catalog.TryGetValue(attribute, out var same))
            {
                map[attribute] = same.Name;
            }
        }
        return new MatchFields(map);
    }
}
