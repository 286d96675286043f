using System.Globalization;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>The CRM: companies, contacts and opportunities, with the gaps and legacy values a CRM collects over the years.</summary>
internal sealed partial class DemoDataSet
{
    public const int OpportunityCount = 48;
    private static readonly int[] LegacyClosedLost = [13, 29];
    private static readonly int[] WithoutEmail = [5, 21, 37];
    private static readonly int[] BadEmail = [9, 33];

    private DemoTable BuildCompanies()
    {
        var table = new DemoTable("companies", "id", "name", "domain", "industry", "country", "employees", "created_at", "updated_at");
        for (var i = 0; i < DemoNames.Companies.Length; i++)
        {
            var (name, industry, employees) = DemoNames.Companies[i];
            var written = (i % 7) switch { 1 => name + " Ltd", 3 => name.ToUpperInvariant(), 5 => name + " ", _ => name };
            var (created, updated) = Times(1_200);
            table.Add(CompanyId(i), written, i % 9 == 4 ? null : DemoPeople.Domain(i), industry, Pick(DemoNames.Countries),
                i % 6 == 2 ? null : Number(employees), created, updated);
        }
        return table;
    }

    private DemoTable BuildContacts()
    {
        var table = new DemoTable("contacts", "id", "email", "first_name", "last_name", "phone", "lifecycle_stage", "customer_status",
            "last_form_at", "company_id", "created_at", "updated_at");
        for (var i = 0; i < _people.Count; i++)
        {
            var person = _people[i];
            var stage = _random.Next(100) switch { < 20 => "subscriber", < 55 => "lead", < 95 => "customer", _ => "churned" };
            var (created, updated) = Times(900);
            table.Add(ContactId(i), person.Email, _random.Next(20) == 0 ? person.FirstName.ToLowerInvariant() : person.FirstName, person.LastName,
                _random.Next(4) == 0 ? null : person.PhoneE164, stage, stage == "customer" ? "active" : "prospect",
                _random.Next(3) == 0 ? Ago(200, 2)[..19] + "Z" : null, person.Company is { } c ? CompanyId(c) : null, created, updated);
        }
        return table;
    }

    private DemoTable BuildOpportunities()
    {
        var table = new DemoTable("opportunities", "id", "reference", "name", "contact_email", "stage", "amount", "created_at", "updated_at");
        for (var i = 0; i < OpportunityCount; i++)
        {
            var person = Pick(_people);
            var reference = "OPP-" + Number(1001 + i);
            reference = (i % 16) switch { 7 => " " + reference, 15 => reference + " ", _ => reference };
            var stage = LegacyClosedLost.Contains(i) ? "Closed - Lost" : (i % 8) switch { 0 => "closed_lost", 1 or 4 => "won", _ => "open" };
            var email = WithoutEmail.Contains(i) ? null
                : BadEmail.Contains(i) ? person.Email[..person.Email.IndexOf('.', person.Email.IndexOf('@', StringComparison.Ordinal))]
                : _random.Next(4) == 0 ? DemoNoise.Email(person.Email, _random) : person.Email;
            var account = person.Company is { } c ? DemoNames.Companies[c].Name : $"{person.FirstName} {person.LastName}";
            var (created, updated) = Times(300);
            table.Add(OpportunityId(i), reference, $"{account} – {Pick(DemoNames.OpportunityProducts)}", email, stage,
                Money(1_500 + (_random.Next(1, 470) * 125)), created, updated);
        }
        return table;
    }

    private static string CompanyId(int index) => "CO-" + (index + 1).ToString("D3", CultureInfo.InvariantCulture);

    private static string ContactId(int index) => "C-" + (index + 1).ToString("D5", CultureInfo.InvariantCulture);

    private static string OpportunityId(int index) => "O-" + (index + 1).ToString("D5", CultureInfo.InvariantCulture);
}
