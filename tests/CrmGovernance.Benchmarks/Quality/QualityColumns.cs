using CrmGovernance.Core.Features.Configuration.Model;
using static CrmGovernance.Benchmarks.Quality.QualityValues;

namespace CrmGovernance.Benchmarks.Quality;

/// <summary>
/// The assessed contact catalog: 40 columns of mixed kinds (emails, phones, picklists with drifted values, dates,
/// postcodes, web addresses, numbers, free text, a field rarely filled, text that behaves like a picklist and a picklist
/// filled like text), each with its own fill rate. The first ones cover every kind, so a narrow catalog stays mixed;
/// a wider one repeats them with a prefix ("x2_email", "x2_postcode": still checked as postcodes).
/// </summary>
internal static class QualityColumns
{
    public const int BaseCount = 40;

    private static readonly string[] Countries = ["GB", "IE", "FR", "DE", "US", "ES", "NL"];
    private static readonly string[] CountryDrift = ["uk", "UK", "United Kingdom", "Germany", "England", "gb"];
    private static readonly string[] Stages = ["subscriber", "lead", "marketing_qualified", "sales_qualified", "opportunity", "customer", "evangelist"];
    private static readonly string[] StageDrift = ["Lead", "Customer", "prospect", "MQL"];
    private static readonly string[] Sources = ["website", "event", "referral", "partner", "paid_search", "email", "other"];
    private static readonly string[] SourceDrift = ["web form", "Trade Show", "LinkedIn", "Website"];
    private static readonly string[] Industries = ["retail", "finance", "healthcare", "manufacturing", "public_sector", "technology", "education", "other"];
    private static readonly string[] IndustryDrift = ["IT", "Financial Services", "NHS"];
    private static readonly string[] Languages = ["en", "cy", "fr", "de", "es"];
    private static readonly string[] Tiers = ["bronze", "silver", "gold", "platinum"];
    private static readonly string[] Territories = ["north", "south", "midlands"];
    private static readonly string[] Salutations = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Prof"];
    private static readonly string[] Managers = ["Alice Hart", "Ben Okafor", "Chloe Singh", "Dan Murphy", "Ella Novak", "Finn Walsh", "Grace Lee", "Hugo Brandt"];
    private static readonly string[] Departments = ["Marketing", "Sales", "Finance", "IT", "Operations", "HR", "Procurement", "Legal", "Executive", "Support"];
    private static readonly string[] Counties = ["Greater London", "West Yorkshire", "Greater Manchester", "Kent", "Essex", "Surrey", "Lancashire", "Hampshire", "Devon"];

    /// <param name="anchor">Today (UTC midnight): dates are drawn back from it.</param>
    public static IReadOnlyList<QualityColumn> For(int count, DateTime anchor)
    {
        var all = Base(anchor);
        return [.. Enumerable.Range(0, count).Select(i => i < all.Count ? all[i] : all[i % all.Count].Renamed($"x{i / all.Count + 1}_{all[i % all.Count].Name}"))];
    }

    private static List<QualityColumn> Base(DateTime anchor) =>
    [
        new("email", FieldType.Email, true, [], Filled(96, (r, p) => Email(r, p, ""))),
        new("phone", FieldType.Phone, false, [], Filled(85, (r, p) => Phone(r, p, mobile: false))),
        new("country", FieldType.Picklist, false, Countries, Filled(90, (r, _) => Picklist(r, Countries, CountryDrift, 6))),
        new("birth_date", FieldType.Date, false, [], Filled(35, (r, _) => Date(r, anchor.AddYears(-18), 50))),
        new("postcode", FieldType.Text, false, [], Filled(80, Postcode)),
        new("website", FieldType.Text, false, [], Filled(55, Website)),
        new("notes", FieldType.Text, false, [], Filled(40, (r, _) => Note(r))),
        new("annual_revenue", FieldType.Number, false, [], Filled(45, (r, _) => Number(r, 50_000_000))),
        new("fax", FieldType.Phone, false, [], Filled(1.5, (r, p) => Phone(r, p, mobile: false))),
        new("first_name", FieldType.Text, true, [], Filled(99, (_, p) => p.First)),
        new("last_name", FieldType.Text, true, [], Filled(98.5, (_, p) => p.Last)),
        new("company", FieldType.Text, false, [], Filled(75, Company)),
        new("job_title", FieldType.Text, false, [], Filled(70, (r, _) => JobTitle(r))),
        new("lifecycle_stage", FieldType.Picklist, true, Stages, Filled(97, (r, _) => Picklist(r, Stages, StageDrift, 4))),
        new("lead_source", FieldType.Picklist, false, Sources, Filled(85, (r, _) => Picklist(r, Sources, SourceDrift, 8))),
        new("mobile_phone", FieldType.Phone, false, [], Filled(70, (r, p) => Phone(r, p, mobile: true))),
        new("secondary_email", FieldType.Email, false, [], Filled(20, (r, p) => Email(r, p, ".alt"))),
        new("last_contacted", FieldType.DateTime, false, [], Filled(65, (r, _) => DateTimeValue(r, anchor))),
        new("billing_postcode", FieldType.Text, false, [], Filled(50, Postcode)),
        new("linkedin_url", FieldType.Text, false, [], Filled(30, LinkedIn)),
        new("city", FieldType.Text, false, [], Filled(82, (_, p) => p.Town.Name)),
        new("address_line1", FieldType.Text, false, [], Filled(78, Street)),
        new("address_line2", FieldType.Text, false, [], Filled(12, (r, _) => Chance(r, 50) ? "Flat " + r.Next(1, 40) : "Unit " + r.Next(1, 12))),
        new("county", FieldType.Text, false, [], Filled(40, (r, _) => Pick(r, Counties))),
        new("employees", FieldType.Number, false, [], Filled(50, (r, _) => Number(r, 20_000))),
        new("lead_score", FieldType.Number, false, [], Filled(88, (r, _) => Number(r, 100))),
        new("industry", FieldType.Picklist, false, Industries, Filled(60, (r, _) => Picklist(r, Industries, IndustryDrift, 3))),
        new("preferred_language", FieldType.Picklist, false, Languages, Filled(75, (r, _) => Picklist(r, Languages, ["English", "EN"], 2))),
        new("customer_tier", FieldType.Picklist, false, Tiers, Filled(35, (r, _) => Picklist(r, Tiers, ["Gold", "VIP"], 2))),
        new("email_opt_in", FieldType.Boolean, false, [], Filled(90, (r, _) => Pick(r, ["true", "false", "false", "yes", "1"]))),
        new("salutation", FieldType.Text, false, [], Filled(55, (r, _) => Pick(r, Salutations))),
        new("department", FieldType.Text, false, [], Filled(45, (r, _) => Pick(r, Departments))),
        new("account_manager", FieldType.Text, false, [], Filled(60, (r, _) => Pick(r, Managers))),
        new("gdpr_consent_date", FieldType.Date, false, [], Filled(70, (r, _) => Date(r, anchor, 6))),
        new("renewal_date", FieldType.Date, false, [], Filled(30, (r, _) => Date(r, anchor.AddYears(1), 2))),
        new("first_purchase_date", FieldType.Date, false, [], Filled(40, (r, _) => Date(r, anchor, 10))),
        new("external_ref", FieldType.Text, false, [], Filled(92, (_, p) => "ERP-" + (p.Index * 7 + 100_003).ToString(System.Globalization.CultureInfo.InvariantCulture))),
        new("territory", FieldType.Picklist, false, Territories, Filled(65, (r, p) => Chance(r, 30) ? Pick(r, Territories) : p.Town.Name)),
        new("twitter_handle", FieldType.Text, false, [], Filled(8, (_, p) => "@" + p.First.ToLowerInvariant() + p.Index % 1000)),
        new("work_phone", FieldType.Phone, false, [], Filled(40, (r, p) => Phone(r, p, mobile: false))),
    ];

    /// <summary>A value <paramref name="percent"/> % of the time, else an empty cell.</summary>
    private static Func<Random, ContactRow, string?> Filled(double percent, Func<Random, ContactRow, string?> value) =>
        (random, row) => Chance(random, percent) ? value(random, row) : Empty(random);

    /// <summary>An allowed value (the first ones more often), or <paramref name="driftPercent"/> % of the time a drifted spelling.</summary>
    private static string Picklist(Random random, string[] allowed, string[] drift, double driftPercent) =>
        Chance(random, driftPercent) ? Pick(random, drift) : allowed[Math.Min(random.Next(allowed.Length), random.Next(allowed.Length))];
}
