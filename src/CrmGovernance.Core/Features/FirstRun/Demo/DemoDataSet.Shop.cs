using System.Globalization;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// The shop: customers (most of them CRM contacts, emails typed anew at each checkout) and their orders — paid, shipped,
/// refunded, a few large ones, credit notes with negative totals, and guest orders without a usable email.
/// </summary>
internal sealed partial class DemoDataSet
{
    public const int OrderCount = 180;
    private const int CrmCustomers = 90;
    private const int ShopOnlyCustomers = 20;
    private static readonly int[] LargeOrders = [11, 47, 83, 119, 151, 170];
    private static readonly int[] CreditNotes = [58, 133];
    private static readonly int[] GuestOrders = [23, 99, 160];
    private static readonly string[] BadCustomerEmails = ["sam.turner@gmail", "guest"];
    private static readonly int[] BadEmailOrders = [71, 142];
    private static readonly string[] Statuses = ["paid", "shipped", "shipped", "shipped", "paid", "Shipped", "PAID ", "refunded", "pending", "cancelled"];

    /// <summary>Orders the CRM already had, keyed in by hand before the flow existed (the first this many ordinary orders).</summary>
    private const int HandKeyedOrders = 12;

    private (DemoTable Table, List<(string Email, DemoPerson Person)> Emails) BuildCustomers()
    {
        var table = new DemoTable("customers", "id", "email", "first_name", "last_name", "phone", "created_at", "updated_at");
        var emails = new List<(string, DemoPerson)>();
        var people = _people.Take(CrmCustomers).Concat(Enumerable.Range(0, ShopOnlyCustomers).Select(DemoPeople.ShopOnly)).ToList();
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            var email = DemoNoise.Email(person.Email, _random);
            var (created, updated) = Times(700);
            table.Add(Number(10_001 + i), email, DemoNoise.Name(person.FirstName, _random), DemoNoise.Name(person.LastName, _random),
                DemoPhones.Written(person.Phone, _random), created, updated);
            emails.Add((email, person));
        }
        return (table, emails);
    }

    private DemoTable BuildOrders(List<(string Email, DemoPerson Person)> customers)
    {
        var table = new DemoTable("orders", "id", "order_id", "customer_email", "status", "total", "created_at", "updated_at");
        for (var i = 0; i < OrderCount; i++)
        {
            var (email, person) = Pick(customers);
            var number = "SO-" + Number(100_001 + i);
            var orderId = (i % 25) switch { 3 => " " + number, 17 => number + "  ", _ => number };
            var customerEmail = GuestOrders.Contains(i) ? ""
                : BadEmailOrders.Contains(i) ? BadCustomerEmails[Array.IndexOf(BadEmailOrders, i)]
                : _random.Next(3) == 0 ? DemoNoise.Email(person.Email, _random) : email;
            var total = LargeOrders.Contains(i) ? 5_200m + (_random.Next(0, 68) * 100m) + 0.5m
                : 12m + (_random.Next(0, 88_000) / 100m);
            var status = CreditNotes.Contains(i) ? "refunded" : Pick(Statuses);
            if (CreditNotes.Contains(i))
            {
                total = -(5m + (_random.Next(0, 20_000) / 100m));
            }
            var (created, updated) = Times(60);
            table.Add(Number(i + 1), orderId, customerEmail, status, Money(total), created, updated);
        }
        return table;
    }

    /// <summary>
    /// What the CRM's order table held before the flow: the first ordinary orders, most exactly as the shop has them, and
    /// a few whose status was never updated after shipping.
    /// </summary>
    private DemoTable BuildCrmOrders()
    {
        var table = new DemoTable("orders", "id", "external_id", "contact_email", "status", "amount", "created_at", "updated_at");
        var ordinary = Orders.Rows.Where((_, i) => !LargeOrders.Contains(i) && !CreditNotes.Contains(i) && !GuestOrders.Contains(i) && !BadEmailOrders.Contains(i));
        foreach (var row in ordinary.Where(r => MappedStatus(r[3]) is "paid" or "shipped").Take(HandKeyedOrders))
        {
            var status = MappedStatus(row[3]);
            var stale = status == "shipped" && table.Rows.Count % 3 == 0;
            var (created, updated) = Times(60);
            table.Add("ORD-" + row[0], row[1]!.Trim(), row[2]!.Trim().ToLowerInvariant(), stale ? "paid" : status, row[4], created, updated);
        }
        return table;
    }

    /// <summary>The orders flow's status map: paid, shipped, refunded, anything else "other".</summary>
    private static string MappedStatus(string? status) => status?.Trim().ToLower(CultureInfo.InvariantCulture) switch
    {
        "paid" => "paid",
        "shipped" => "shipped",
        "refunded" => "refunded",
        _ => "other",
    };
}
