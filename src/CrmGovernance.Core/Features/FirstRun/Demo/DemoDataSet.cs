using System.Globalization;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// The starting rows of the demo's CRM, shop and marketing databases, drawn from one fixed seed so that they agree with
/// each other (the shop's customers and the marketing contacts are CRM contacts; some CRM orders and marketing
/// opportunities were keyed in by hand before the flows existed). Timestamps lie in the days before <c>now</c>.
/// </summary>
internal sealed partial class DemoDataSet
{
    public const int Seed = 4_026;

    private readonly Random _random = new(Seed);
    private readonly DateTime _now;
    private readonly IReadOnlyList<DemoPerson> _people = DemoPeople.Crm;

    private DemoDataSet(DateTime nowUtc)
    {
        _now = nowUtc;
        Companies = BuildCompanies();
        Contacts = BuildContacts();
        Opportunities = BuildOpportunities();
        (Customers, var customerEmails) = BuildCustomers();
        Orders = BuildOrders(customerEmails);
        CrmOrders = BuildCrmOrders();
        MarketingContacts = BuildMarketingContacts();
        MarketingOpportunities = BuildMarketingOpportunities();
        AddDuplicates();
        AddDefects();
    }

    public DemoTable Companies { get; }
    public DemoTable Contacts { get; }
    public DemoTable Opportunities { get; }
    public DemoTable CrmOrders { get; }
    public DemoTable Customers { get; }
    public DemoTable Orders { get; }
    public DemoTable MarketingContacts { get; }
    public DemoTable MarketingOpportunities { get; }

    public static DemoDataSet Build(DateTime nowUtc) => new(nowUtc);

    /// <summary>A moment between <paramref name="fromDays"/> and <paramref name="toDays"/> days ago, as the connector writes times.</summary>
    private string Ago(double fromDays, double toDays) =>
        ConnectorTime.UtcText(_now.AddDays(-(toDays + (_random.NextDouble() * (fromDays - toDays)))));

    /// <summary>A created-at and a later updated-at, both in the past.</summary>
    private (string Created, string Updated) Times(double oldestDays)
    {
        var created = _random.NextDouble() * oldestDays;
        var updated = created * _random.NextDouble();
        return (ConnectorTime.UtcText(_now.AddDays(-created - 1)), ConnectorTime.UtcText(_now.AddDays(-updated - 1)));
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
