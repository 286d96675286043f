using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Features.FirstRun;

/// <summary>
/// The default match rules of the standard contact and company objects, present from the start so duplicates are
/// caught without tuning. Their ids are fixed like the objects' own.
/// </summary>
public static class StandardMatchRules
{
    public static readonly Guid Contact = new("3a7c0000-0000-4000-8000-000000000001");
    public static readonly Guid Company = new("3a7c0000-0000-4000-8000-000000000002");

    /// <param name="companyFieldNames">Attribute → field where the company catalog names a field differently.</param>
    public static List<MatchRule> All(IReadOnlyDictionary<string, string>? companyFieldNames = null)
    {
        var contact = DefaultMatchRules.Contact(Contact, StandardObjects.Contact);
        var company = DefaultMatchRules.Company(Company, StandardObjects.Company);
        var names = new Dictionary<string, string>(company.FieldNames, StringComparer.Ordinal);
        foreach (var (attribute, field) in companyFieldNames ?? new Dictionary<string, string>())
        {
            names[attribute] = field;
        }
        return [contact, company with { FieldNames = names }];
    }
}
