using CrmGovernance.Core.Access;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Insights;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Insights;

public sealed class RealRunInsightsTests
{
    [Fact]
    public async Task A_real_run_from_a_website_records_when_each_lead_was_submitted_and_its_event_fills_the_dashboard()
    {
        var scenario = SyncScenario.Build();
        var configuration = scenario with
        {
            Systems = [.. scenario.Systems.Select(s => s.Id == SyncScenario.Source ? WithCreatedColumn(s) with { Kind = SystemKind.WebsiteCms } : s)],
        };
        await using var f = await SyncFlowFixture.StartAsync(configuration);
        await f.PersonAsync("p1", "ann@example.com");
        await f.PersonAsync("p2", "bob@example.com", "Bob", "Ray");
        await f.PersonAsync("p3", "cy@example.com", "Cy", last: null);
        var first = await f.RunAsync();
        await f.PersonAsync("p1", "ann@example.com", phone: "020 7946 0958");
        var second = await f.RunAsync();

        var outcomes = await f.Host.QueryAsync(db => db.RecordOutcomes.AsNoTracking().OrderBy(o => o.Id).ToListAsync());
        Assert.All(outcomes.Where(o => o.RunId == first.Id && o.Outcome == OutcomeKind.Created), o => Assert.NotNull(o.SourceCreatedUtc));
        // The second run finds Ann through the crosswalk: linked, not a duplicate prevented.
        var again = Assert.Single(outcomes, o => o.RunId == second.Id);
        Assert.True(again.Match == "Linked", $"{again.Outcome} {again.SourceId} {again.Reason}");
        foreach (var run in new[] { first, second })
        {
            await DeliverAsync(f, run.Id);
        }

        await using var scope = f.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("id-m", "m@example.com", [Roles.Manager], AuditSources.Ui);
        var today = DateOnly.FromDateTime(f.Host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var data = await scope.ServiceProvider.GetRequiredService<InsightsDashboard>().LoadAsync(InsightsFilter.LastDays(today, 2));
        var created = outcomes.Count(o => o.RunId == first.Id && o.Outcome == OutcomeKind.Created);
        Assert.Equal(2, created);
        Assert.Equal(outcomes.Count(o => o.Outcome is OutcomeKind.Created or OutcomeKind.Updated), data.Card(InsightCards.RecordsMoved)!.Value);
        Assert.Equal(0, data.Card(InsightCards.DuplicatesPrevented)!.Value);
        Assert.Equal(1, data.Card(InsightCards.Rejections)!.Value);
        Assert.NotNull(data.Card(InsightCards.LeadResponseP50)!.Value);
        Assert.Equal(2, data.Flows.Single().Runs);
        var leads = await scope.ServiceProvider.GetRequiredService<InsightsDrill>()
            .RecordsAsync(new DrillQuery(InsightCards.LeadResponseP90, InsightsFilter.LastDays(today, 2)), null, 0, 50);
        Assert.Equal(created, leads.Total);
    }

    private static ConnectedSystem WithCreatedColumn(ConnectedSystem system)
    {
        var settings = new SortedDictionary<string, string>(system.Settings, StringComparer.Ordinal) { ["contact.created"] = "created_at" };
        return system with { Settings = settings };
    }

    /// <summary>The RunFinished event the engine wrote to the outbox, handed to the insights subscriber as the dispatcher would.</summary>
    private static async Task DeliverAsync(SyncFlowFixture f, long runId)
    {
        var rows = await f.Host.QueryAsync(db => db.OperationsEvents.AsNoTracking().Where(e => e.Kind == nameof(RunFinished)).ToListAsync());
        var envelope = rows.Select(OperationsEventKinds.Read).Single(e => e?.Event is RunFinished r && r.RunId == runId)!;
        await f.Host.Services.GetRequiredService<InsightsSubscriber>().HandleAsync(envelope, CancellationToken.None);
    }
}
