using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Tests.Features.Sync.Runs;

public sealed class SyncRunQueriesTests
{
    private static readonly Guid FlowA = Guid.NewGuid();
    private static readonly Guid FlowB = Guid.NewGuid();

    [Fact]
    public async Task Runs_are_listed_newest_first_a_page_at_a_time_with_the_total()
    {
        await using var host = await MonitoringHost.StartAsync();
        var ids = new List<long>();
        for (var i = 5; i >= 1; i--)
        {
            ids.Add(await host.AddRunAsync(host.Run(FlowA, minutesAgo: i)));
        }

        var first = await host.RunsAsync(Roles.Steward, q => q.ListAsync(new SyncRunFilter(), 0, 2));
        var last = await host.RunsAsync(Roles.Steward, q => q.ListAsync(new SyncRunFilter(), 2, 2));

        Assert.Equal(5, first.Total);
        Assert.Equal([ids[4], ids[3]], first.Items.Select(r => r.Id));
        Assert.Equal([ids[0]], last.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Runs_are_filtered_by_flow_status_and_dry_run()
    {
        await using var host = await MonitoringHost.StartAsync();
        var wanted = await host.AddRunAsync(host.Run(FlowA, SyncRunStatus.CompletedWithErrors, dryRun: true));
        await host.AddRunAsync(host.Run(FlowA, SyncRunStatus.CompletedWithErrors));
        await host.AddRunAsync(host.Run(FlowA, SyncRunStatus.Succeeded, dryRun: true));
        await host.AddRunAsync(host.Run(FlowB, SyncRunStatus.CompletedWithErrors, dryRun: true));

        var page = await host.RunsAsync(Roles.Admin, q => q.ListAsync(new SyncRunFilter(FlowA, SyncRunStatus.CompletedWithErrors, true), 0, 50));
        var real = await host.RunsAsync(Roles.Admin, q => q.ListAsync(new SyncRunFilter(DryRun: false), 0, 50));

        Assert.Equal(wanted, Assert.Single(page.Items).Id);
        Assert.Equal(1, real.Total);
        Assert.False(Assert.Single(real.Items).DryRun);
    }

    [Fact]
    public async Task A_run_is_read_by_id_and_an_unknown_id_reads_as_null()
    {
        await using var host = await MonitoringHost.StartAsync();
        var run = host.Run(FlowA);
        run.Created = 1_200;
        run.RejectionReasonsJson = """{"email is missing":3}""";
        var id = await host.AddRunAsync(run);

        var read = await host.RunsAsync(Roles.BusinessOwner, q => q.GetAsync(id));
        var missing = await host.RunsAsync(Roles.BusinessOwner, q => q.GetAsync(id + 1));

        Assert.Equal((1_200, """{"email is missing":3}"""), (read!.Created, read.RejectionReasonsJson));
        Assert.Null(missing);
    }

    [Fact]
    public async Task Outcomes_are_those_of_the_run_in_order_a_page_at_a_time_and_filtered_by_outcome()
    {
        await using var host = await MonitoringHost.StartAsync();
        var id = await host.AddRunAsync(host.Run(FlowA),
            host.Outcome("s1", OutcomeKind.Created), host.Outcome("s2", OutcomeKind.Rejected), host.Outcome("s3", OutcomeKind.Created),
            host.Outcome("s4", OutcomeKind.Created), host.Outcome("s5", OutcomeKind.Updated));
        await host.AddRunAsync(host.Run(FlowA), host.Outcome("other", OutcomeKind.Created));

        var all = await host.RunsAsync(Roles.Steward, q => q.OutcomesAsync(id, new RecordOutcomeFilter(), 1, 2));
        var created = await host.RunsAsync(Roles.Steward, q => q.OutcomesAsync(id, new RecordOutcomeFilter(OutcomeKind.Created), 0, 50));

        Assert.Equal(5, all.Total);
        Assert.Equal(["s3", "s4"], all.Items.Select(o => o.SourceId));
        Assert.Equal(["s1", "s3", "s4"], created.Items.Select(o => o.SourceId));
    }

    [Fact]
    public async Task Outcome_search_finds_a_source_id_by_its_start_or_a_target_id_exactly()
    {
        await using var host = await MonitoringHost.StartAsync();
        var id = await host.AddRunAsync(host.Run(FlowA),
            host.Outcome("web-100", OutcomeKind.Created, "crm-9"), host.Outcome("web-101", OutcomeKind.Updated, "crm-10"),
            host.Outcome("web-200", OutcomeKind.Rejected), host.Outcome("x-web-100", OutcomeKind.Created, "web-100-target"));

        async Task<string[]> SearchAsync(string q, OutcomeKind? kind = null) =>
            (await host.RunsAsync(Roles.Steward, s => s.OutcomesAsync(id, new RecordOutcomeFilter(kind, q), 0, 50))).Items.Select(o => o.SourceId).ToArray();

        Assert.Equal(["web-100", "web-101"], await SearchAsync("web-10"));
        Assert.Equal(["web-101"], await SearchAsync(" web-10 ", OutcomeKind.Updated));
        Assert.Equal(["web-101"], await SearchAsync("crm-10"));
        Assert.Empty(await SearchAsync("crm-1"));
        Assert.Empty(await SearchAsync("100"));
    }

    [Fact]
    public async Task The_flows_overview_lists_active_flows_with_their_latest_run()
    {
        var demo = MonitoringHost.Demo();
        var paused = demo with { Flows = demo.Flows.Select(f => f.Id == DemoConfiguration.OpportunitiesFlow ? f with { Status = FlowStatus.Paused } : f).ToList() };
        await using var host = await MonitoringHost.StartAsync(paused);
        await host.AddRunAsync(host.Run(DemoConfiguration.WebFormFlow, SyncRunStatus.Failed, minutesAgo: 10));
        var latest = await host.AddRunAsync(host.Run(DemoConfiguration.WebFormFlow, SyncRunStatus.Succeeded, dryRun: true, minutesAgo: 1));
        await host.AddRunAsync(host.Run(DemoConfiguration.OpportunitiesFlow));

        var overview = await host.RunsAsync(Roles.Steward, q => q.LatestPerFlowAsync());

        Assert.Equal(["Shop orders to CRM", "Web form to CRM contacts"], overview.Select(o => o.Flow.Name));
        Assert.Null(overview[0].LastRun);
        Assert.Equal(latest, overview[1].LastRun!.Id);
        Assert.Equal("Contact: Website → CRM", overview[1].Route);
    }

    [Fact]
    public async Task A_manager_reads_runs_and_their_outcomes()
    {
        await using var host = await MonitoringHost.StartAsync();

        var runs = await host.RunsAsync(Roles.Manager, q => q.ListAsync(new SyncRunFilter(), 0, 10));

        Assert.Equal(0, runs.Total);
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    public async Task Roles_outside_operations_may_not_read_runs(string role)
    {
        await using var host = await MonitoringHost.StartAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.RunsAsync(role, q => q.ListAsync(new SyncRunFilter(), 0, 10)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.RunsAsync(role, q => q.OutcomesAsync(1, new RecordOutcomeFilter(), 0, 10)));
    }
}
