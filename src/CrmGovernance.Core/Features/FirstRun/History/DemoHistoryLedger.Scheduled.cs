using System.Globalization;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Features.FirstRun.History;

/// <summary>
/// The two scheduled flows, one poll every two hours (the live demo polls every 30 seconds; two hours keep the history
/// small, so the first start stays quick). As in the worker, a poll that read nothing keeps no run (the flow's "last
/// checked" moves on); only polls that read something or failed are runs.
/// Orders changed at go-live (refunds reach the CRM); opportunities did not, so they are the comparison's control, and
/// their marketing system has the same few outages before and after.
/// </summary>
internal sealed partial class DemoHistoryLedger
{
    /// <summary>Where in the history the marketing outages fall (shares of its length).</summary>
    private static readonly double[] OutageShares = [0.12, 0.31, 0.52, 0.74, 0.93];

    /// <summary>Hours between two runs of a scheduled flow in the history.</summary>
    private const int Every = 2;

    private readonly List<(DateTime From, DateTime To)> _marketingOutages = [];
    /// <summary>When the opportunities flow read the marketing system successfully, runs or not: the first after an outage ends its incident.</summary>
    private readonly List<DateTime> _opportunityChecks = [];
    private int _orders;
    private int _opportunities;

    private void Orders()
    {
        for (var due = _time.StartUtc.AddHours(Every); due < _time.EndUtc; due = due.AddHours(Every))
        {
            var started = Chance(0.07, 0.015, due) ? Seconds(due, 360, 2_400) : Seconds(due, 0.5, 3);
            if (Chance(0.012, 0.003, due))
            {
                var failed = StartRun(DemoConfiguration.OrdersFlow, SyncTrigger.Schedule, started, due, holds: true);
                Finish(failed, Seconds(started, 2, 30), SyncRunStatus.Failed, "The shop database could not be read: database is locked.");
                continue;
            }
            var records = Busy(due, 9);
            if (records == 0)
            {
                continue;
            }
            var run = StartRun(DemoConfiguration.OrdersFlow, SyncTrigger.Schedule, started, due, holds: true);
            var at = started.AddSeconds(1);
            for (var i = records; i > 0; i--)
            {
                Order(run, at);
                at = at.AddMilliseconds(80 + _random.Next(300));
            }
            Finish(run, at.AddMilliseconds(400));
        }
    }

    private void Order(HistoryRun run, DateTime at)
    {
        var roll = _random.NextDouble();
        var id = roll < 0.55 ? "SO-" + (40_000 + ++_orders).ToString(CultureInfo.InvariantCulture) : "SO-" + (40_000 + Math.Max(1, _orders - _random.Next(1, 200))).ToString(CultureInfo.InvariantCulture);
        var email = Chance(0.05, 0.01, at) ? "" : Demo.DemoPeople.Crm[_random.Next(Demo.DemoPeople.Crm.Count)].Email;
        if (Chance(0.04, 0.012, at))
        {
            var reason = _random.Next(3) == 0 ? "amount: 'n/a' is not a number." : "contact_email: a required value is missing.";
            Outcome(run, OutcomeKind.Rejected, id, null, at, reason: reason);
            return;
        }
        var amount = Math.Round((decimal)Math.Exp(3.5 + (_random.NextDouble() * 5.3)), 2);
        if (roll < 0.55)
        {
            if (amount > DemoConfiguration.ReviewAbove)
            {
                Outcome(run, OutcomeKind.Queued, id, null, at, reason: "Held for review by rule \"A new order above 5,000 is held for a steward\".");
                return;
            }
            Outcome(run, OutcomeKind.Created, id, "CO-" + id[3..], at, OrderValues(id, email, "paid", amount));
        }
        else if (roll < 0.87)
        {
            var status = _random.Next(4) == 0 ? "refunded" : "shipped";
            Outcome(run, OutcomeKind.Updated, id, "CO-" + id[3..], at, OrderValues(id, email, status, amount), match: "Key");
        }
        else
        {
            Outcome(run, OutcomeKind.Unchanged, id, "CO-" + id[3..], at, match: "Key");
        }
    }

    private static Dictionary<string, string?> OrderValues(string id, string email, string status, decimal amount) => new(StringComparer.Ordinal)
    {
        ["external_id"] = id, ["contact_email"] = email, ["status"] = status, ["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
    };

    private void Opportunities()
    {
        PlanMarketingOutages();
        for (var due = _time.StartUtc.AddHours(Every).AddSeconds(15); due < _time.EndUtc; due = due.AddHours(Every))
        {
            var started = _random.Next(33) == 0 ? Seconds(due, 360, 1_800) : Seconds(due, 0.5, 3);
            if (_marketingOutages.Any(o => started >= o.From && started < o.To))
            {
                var failed = StartRun(DemoConfiguration.OpportunitiesFlow, SyncTrigger.Schedule, started, due);
                Finish(failed, Seconds(started, 1, 5), SyncRunStatus.SystemUnavailable, "Marketing automation is unavailable: unable to open database file.");
                continue;
            }
            _opportunityChecks.Add(started);
            var records = Busy(due, 5);
            if (records == 0)
            {
                continue;
            }
            var run = StartRun(DemoConfiguration.OpportunitiesFlow, SyncTrigger.Schedule, started, due);
            var at = started.AddSeconds(1);
            for (var i = records; i > 0; i--)
            {
                Opportunity(run, at);
                at = at.AddMilliseconds(80 + _random.Next(300));
            }
            Finish(run, at.AddMilliseconds(300));
        }
    }

    private void Opportunity(HistoryRun run, DateTime at)
    {
        var person = Demo.DemoPeople.Crm[_random.Next(Demo.DemoPeople.Crm.Count)];
        var roll = _random.NextDouble();
        var reference = "OPP-" + (roll < 0.3 ? 3_000 + ++_opportunities : 1_001 + _random.Next(Demo.DemoDataSet.OpportunityCount)).ToString(CultureInfo.InvariantCulture);
        if (_random.NextDouble() < 0.03)
        {
            var email = person.Email.Replace("@", "@@", StringComparison.Ordinal);
            Outcome(run, OutcomeKind.Rejected, reference, null, at, reason: $"contact_email: '{email}' is not an email address.");
            return;
        }
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["crm_reference"] = reference, ["contact_email"] = _random.Next(50) == 0 ? "" : person.Email,
            ["stage"] = _random.Next(5) switch { 0 => "closed_lost", 1 => "won", _ => "open" },
        };
        var target = "MO-" + reference[4..];
        if (roll < 0.3)
        {
            Outcome(run, OutcomeKind.Created, reference, target, at, values);
        }
        else if (roll < 0.9)
        {
            Outcome(run, OutcomeKind.Updated, reference, target, at, values, match: "Key");
        }
        else
        {
            Outcome(run, OutcomeKind.Unchanged, reference, target, at, match: "Key");
        }
    }

    /// <summary>Five outages of two or four hours, spread over the history: as many before go-live as after.</summary>
    private void PlanMarketingOutages()
    {
        var days = (int)(_time.EndUtc - _time.StartUtc).TotalDays;
        foreach (var day in OutageShares.Select(share => (int)(share * days)))
        {
            var from = _time.StartUtc.AddDays(day).AddHours(9 + _random.Next(8)).AddMinutes(5);
            _marketingOutages.Add((from, from.AddHours(2 + (2 * _random.Next(2)))));
        }
    }

    /// <summary>How many records an hour brings: some in office hours, few at night and at weekends.</summary>
    private int Busy(DateTime hour, int most)
    {
        var weekend = hour.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return hour.Hour is >= 8 and < 21 ? _random.Next(weekend ? most / 2 + 1 : most + 1) : _random.Next(6) == 0 ? 1 : 0;
    }
}
