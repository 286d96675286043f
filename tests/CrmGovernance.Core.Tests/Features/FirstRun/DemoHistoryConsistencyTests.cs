using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.FirstRun.Demo;
using CrmGovernance.Core.Features.FirstRun.History;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.FirstRun;

/// <summary>
/// The demo's generated past does not contradict the live demo: no run for a poll that read nothing, scans no larger than
/// the demo CRM, match scores and outcomes as the demo's contact match rule decides, and no claimed merge of a live record.
/// </summary>
public sealed class DemoHistoryConsistencyTests
{
    private static readonly Dictionary<string, string?> Demo = new() { ["Demo:Live"] = "false" };

    [Fact]
    public async Task Every_history_run_read_something_or_failed()
    {
        await using var host = await StartedAsync();

        var runs = await QueryAsync(host, db => db.SyncRuns.AsNoTracking().Where(r => r.StartedBy == DemoHistory.StartedBy)
            .Select(r => new { r.Read, r.Status, r.FlowId, Outcomes = db.RecordOutcomes.Count(o => o.RunId == r.Id) }).ToListAsync());

        Assert.DoesNotContain(runs, r => r.Read == 0 && r.Status is SyncRunStatus.Succeeded or SyncRunStatus.CompletedWithErrors);
        Assert.All(runs, r => Assert.Equal(r.Read, r.Outcomes));
        // Failures are kept although they read nothing, as the worker keeps them.
        Assert.Contains(runs, r => r.Read == 0 && r.Status == SyncRunStatus.SystemUnavailable);
        Assert.All(new[] { DemoConfiguration.WebFormFlow, DemoConfiguration.OrdersFlow, DemoConfiguration.OpportunitiesFlow },
            flow => Assert.Contains(runs, r => r.FlowId == flow && r.Read > 0));
    }

    [Fact]
    public async Task History_scans_are_no_larger_than_the_demo_CRM_and_end_where_a_scan_of_it_is_today()
    {
        await using var host = await StartedAsync();
        var crm = DemoDataSet.Build(host.Clock.GetUtcNow().UtcDateTime);
        var contacts = crm.Contacts.Rows.Count;
        var seeded = crm.SeededDuplicates.Count(d => d.Table == "contacts");

        var scans = await QueryAsync(host, db => db.DuplicateScans.AsNoTracking().OrderBy(s => s.RequestedUtc).ToListAsync());

        Assert.True(scans.Count >= 9, $"{scans.Count} history scans");
        Assert.All(scans, s =>
        {
            Assert.Equal(DemoHistory.StartedBy, s.RequestedBy);
            Assert.InRange(s.RecordsRead, 1, contacts);
            Assert.InRange(s.DuplicateRecords, seeded, s.RecordsRead);
            Assert.Equal((double)s.DuplicateRecords / s.RecordsRead, s.DuplicateRate, 9);
        });
        // The last one finds what a scan of the demo CRM finds now: the contacts it was seeded with twice.
        Assert.Equal(seeded, scans[^1].DuplicateRecords);
        Assert.True(scans[0].DuplicateRate > scans[^1].DuplicateRate);
        Assert.Equal(0, await QueryAsync(host, db => db.DuplicateScanPairs.CountAsync()));
    }

    [Fact]
    public async Task History_review_items_name_only_history_records_and_are_all_decided()
    {
        await using var host = await StartedAsync();

        var items = await QueryAsync(host, db => db.ReviewItems.AsNoTracking().ToListAsync());

        Assert.NotEmpty(items);
        Assert.Contains(items, i => i.ScanId is not null && i.Status == ReviewStatus.Merged);
        Assert.Contains(items, i => i.RunId is not null);
        Assert.All(items, i =>
        {
            Assert.True(DemoHistoryMarks.IsHistoryRecord(i.RightRecordId), i.RightRecordId);
            Assert.True(i.IsHeldChange || DemoHistoryMarks.IsHistoryRecord(i.LeftRecordId), i.LeftRecordId);
            Assert.NotNull(i.DecidedUtc);
            Assert.DoesNotContain(i.Status, new[] { ReviewStatus.Open, ReviewStatus.Deferred });
        });
    }

    [Fact]
    public async Task History_enquiries_follow_the_contact_match_rule_and_create_only_history_contacts()
    {
        await using var host = await StartedAsync();
        var rule = (await host.Singleton<Core.Features.ChangeControl.PublishedConfiguration>().CurrentAsync()).Configuration
            .MatchRules.Single(r => r.ObjectId == StandardObjects.Contact);

        var outcomes = await QueryAsync(host, db => db.RecordOutcomes.AsNoTracking()
            .Where(o => db.SyncRuns.Any(r => r.Id == o.RunId && r.FlowId == DemoConfiguration.WebFormFlow)).ToListAsync());
        var pairs = await QueryAsync(host, db => db.ReviewItems.AsNoTracking().Where(i => i.RunId != null).ToListAsync());

        var fuzzy = outcomes.Where(o => o.Match == "Fuzzy").ToList();
        Assert.NotEmpty(fuzzy);
        Assert.All(fuzzy, o =>
        {
            Assert.InRange(o.MatchScore!.Value, rule.AutoMatchThreshold, 1);
            Assert.Equal(OutcomeKind.Updated, o.Outcome);
        });
        var reviewBand = outcomes.Where(o => o.Match is null && o.MatchScore is not null).ToList();
        Assert.NotEmpty(reviewBand);
        Assert.All(reviewBand, o =>
        {
            Assert.True(o.MatchScore >= rule.ReviewThreshold && o.MatchScore < rule.AutoMatchThreshold, $"score {o.MatchScore}");
            Assert.Contains(pairs, p => p.RunId == o.RunId && p.LeftRecordId == o.TargetId && p.Score == o.MatchScore);
        });
        Assert.All(outcomes.Where(o => o.Match == "Key"), o => Assert.Null(o.MatchScore));
        var created = outcomes.Where(o => o.Outcome == OutcomeKind.Created).ToList();
        Assert.NotEmpty(created);
        Assert.All(created, o => Assert.True(DemoHistoryMarks.IsHistoryRecord(o.TargetId), o.TargetId));
        // A matched contact is one the demo CRM holds.
        var crm = DemoDataSet.Build(host.Clock.GetUtcNow().UtcDateTime).Contacts.Rows.Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        Assert.All(outcomes.Where(o => o.Match is "Key" or "Fuzzy"), o => Assert.Contains(o.TargetId, crm));
    }

    private static async Task<CoreTestHost> StartedAsync()
    {
        var host = await CoreTestHost.StartAsync(Demo);
        await DemoHistoryTests.StartAsync(host);
        return host;
    }

    private static async Task<T> QueryAsync<T>(CoreTestHost host, Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = host.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<CrmDbContext>());
    }
}
