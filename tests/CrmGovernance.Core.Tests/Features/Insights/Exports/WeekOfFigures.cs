using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.Extensions.DependencyInjection;
using M = CrmGovernance.Core.Features.Insights.Rollups.InsightMetric;

namespace CrmGovernance.Core.Tests.Features.Insights.Exports;

/// <summary>
/// Two weeks of hand-made roll-ups (written through the one roll-up writer) over the demo configuration, where the
/// orders object belongs to another owner. The clock stands on Monday 2 March 2026, so "last week" is 23 February to
/// 1 March (2026-W09) and the week before 16 to 22 February.
/// This week / week before, per flow (records processed; rejected + failed + queued → per 1,000):
///   Web form:      1,000; 20 + 5 + 5 = 30 → 30   /  1,000; 10 → 10     (rise 20)
///   Shop orders:     500; 10 + 0 + 10 = 20 → 40  /    500; 5 → 10      (rise 30)
///   Opportunities:   200; 0 → 0                  /    200; 4 → 20      (fell)
///   Legacy A (gone): 1,000; 5 → 5                /   nothing           (rise 5)
///   Legacy B (gone): 1,000; 1 → 1                /   nothing           (rise 1)
/// Runs: 25 this week, 24 succeeded; 25 the week before, all succeeded. Records moved: 1,580 / 1,681.
/// </summary>
internal sealed class WeekOfFigures : IAsyncDisposable
{
    public const string Trap = "=HYPERLINK(\"https://evil.example.com\",\"Click me\")";
    public static readonly DateTime ThisWeek = new(2026, 2, 25, 10, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime WeekBefore = new(2026, 2, 18, 10, 0, 0, DateTimeKind.Utc);
    public static readonly Guid LegacyA = new("aaaa0000-0000-4000-8000-00000000000a");
    public static readonly Guid LegacyB = new("bbbb0000-0000-4000-8000-00000000000b");
    private static readonly Guid Gone = new("9099e000-0000-4000-8000-000000000001");

    private WeekOfFigures(ChangeControlScenario inner) => Inner = inner;

    public ChangeControlScenario Inner { get; }
    public CoreTestHost Host => Inner.Host;
    public static Guid WebForm => DemoConfiguration.WebFormFlow;
    public static Guid Orders => DemoConfiguration.OrdersFlow;
    public static Guid Opportunities => DemoConfiguration.OpportunitiesFlow;

    public static async Task<WeekOfFigures> StartAsync()
    {
        var demo = DemoConfiguration.Build(ChangeControlScenario.Owner, ChangeControlScenario.Steward);
        var configuration = demo with
        {
            Objects = [.. demo.Objects.Select(o => o.Id == StandardObjects.Order ? o with { Owner = ChangeControlScenario.OtherOwner } : o)],
        };
        var scenario = new WeekOfFigures(await ChangeControlScenario.StartAsync(configuration));
        await scenario.SeedAsync();
        return scenario;
    }

    public AsyncServiceScope As(string name, string role) => Host.ScopeAs(name, role);

    private async Task SeedAsync()
    {
        var units = new List<(string, IReadOnlyList<ContributionItem>)>
        {
            ("test:web:now", Flow(WebForm, StandardObjects.Contact, ThisWeek, runs: 10, succeeded: 9, processed: 1000, moved: 900, rejected: 20, failed: 5, queued: 5,
                [("Email is missing", 15), ("Country unknown", 5)], prevented: 12, filled: 950)),
            ("test:web:before", Flow(WebForm, StandardObjects.Contact, WeekBefore, runs: 10, succeeded: 10, processed: 1000, moved: 990, rejected: 10, failed: 0, queued: 0,
                [("Email is missing", 10)], prevented: 8, filled: 900)),
            ("test:orders:now", Flow(Orders, StandardObjects.Order, ThisWeek, runs: 10, succeeded: 10, processed: 500, moved: 480, rejected: 10, failed: 0, queued: 10,
                [(Trap, 10)], prevented: 0, filled: 0)),
            ("test:orders:before", Flow(Orders, StandardObjects.Order, WeekBefore, runs: 10, succeeded: 10, processed: 500, moved: 495, rejected: 5, failed: 0, queued: 0,
                [(Trap, 5)], prevented: 0, filled: 0)),
            ("test:opps:now", Flow(Opportunities, StandardObjects.Opportunity, ThisWeek, runs: 5, succeeded: 5, processed: 200, moved: 200, rejected: 0, failed: 0, queued: 0,
                [], prevented: 0, filled: 0)),
            ("test:opps:before", Flow(Opportunities, StandardObjects.Opportunity, WeekBefore, runs: 5, succeeded: 5, processed: 200, moved: 196, rejected: 4, failed: 0, queued: 0,
                [("Stage unknown", 4)], prevented: 0, filled: 0)),
            ("test:legacy-a", Flow(LegacyA, Gone, ThisWeek, runs: 0, succeeded: 0, processed: 1000, moved: 0, rejected: 5, failed: 0, queued: 0, [], prevented: 0, filled: 0)),
            ("test:legacy-b", Flow(LegacyB, Gone, ThisWeek, runs: 0, succeeded: 0, processed: 1000, moved: 0, rejected: 1, failed: 0, queued: 0, [], prevented: 0, filled: 0)),
        };
        await Host.Singleton<RollupWriter>().ApplyAsync(units, CancellationToken.None);
    }

    private static List<ContributionItem> Flow(Guid flow, Guid objectId, DateTime at, int runs, int succeeded, int processed, int moved, int rejected, int failed,
        int queued, (string Reason, int Count)[] reasons, int prevented, int filled)
    {
        ContributionItem Item(string metric, double value, string dimension = "") => new(metric, flow, objectId, DemoConfiguration.Website, DemoConfiguration.Crm, dimension, at, value);
        var items = new List<ContributionItem>
        {
            Item(M.Runs, runs), Item(M.RunsSucceeded, succeeded), Item(M.Processed, processed), Item(M.Created, moved), Item(M.Rejected, rejected),
            Item(M.Failed, failed), Item(M.Queued, queued), Item(M.DuplicatesPrevented, prevented),
        };
        if (filled > 0)
        {
            items.AddRange([Item(M.MandatoryExpected, 1000), Item(M.MandatoryFilled, filled)]);
        }
        items.AddRange(reasons.Select(r => Item(M.RejectionReason, r.Count, r.Reason)));
        return [.. items.Where(i => i.Value != 0 || i.Metric == M.Runs && runs > 0)];
    }

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
