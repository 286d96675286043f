namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// Marketing automation: its contacts (lower-cased emails, a few already suppressed) and the opportunities a previous
/// export brought over, some of them out of date.
/// </summary>
internal sealed partial class DemoDataSet
{
    private const int MarketingOpportunityCount = 14;

    private DemoTable BuildMarketingContacts()
    {
        var table = new DemoTable("contacts", "id", "email", "first_name", "marketing_suppressed", "created_at", "updated_at");
        var withDeals = Opportunities.Rows.Select(r => r[3]?.Trim().ToLowerInvariant()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var number = 0;
        foreach (var person in _people.Where((p, i) => withDeals.Contains(p.Email) || i % 3 != 2))
        {
            var (created, updated) = Times(500);
            table.Add("M-" + Number(50_001 + number++), person.Email, person.FirstName, _random.Next(25) == 0 ? "true" : "false", created, updated);
        }
        return table;
    }

    private DemoTable BuildMarketingOpportunities()
    {
        var table = new DemoTable("opportunities", "id", "crm_reference", "contact_email", "stage", "created_at", "updated_at");
        var stale = 0;
        foreach (var row in Opportunities.Rows.Where(r => r[4] is "open" or "won" && r[3] is { } email && email.Contains('.', StringComparison.Ordinal)
            && email.LastIndexOf('.') > email.IndexOf('@', StringComparison.Ordinal)).Take(MarketingOpportunityCount))
        {
            var stage = row[4] == "won" && stale++ < 4 ? "open" : row[4];
            var (created, updated) = Times(120);
            table.Add("MO-" + row[0], row[1]!.Trim(), row[3]!.Trim().ToLowerInvariant(), stage, created, updated);
        }
        return table;
    }
}
