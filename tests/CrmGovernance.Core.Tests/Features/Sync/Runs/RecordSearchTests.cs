using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Tests.Features.Sync.Runs;

/// <summary>Following one record through every run that handled it, by its source id or the inbox id it arrived as.</summary>
public sealed class RecordSearchTests
{
    private static readonly Guid Flow = Guid.NewGuid();

    [Fact]
    public async Task A_source_id_finds_the_record_in_every_run_that_handled_it_newest_first()
    {
        await using var host = await MonitoringHost.StartAsync();
        var first = await host.AddRunAsync(host.Run(Flow, minutesAgo: 5), host.Outcome("web-42", OutcomeKind.Rejected), host.Outcome("web-420", OutcomeKind.Created));
        var second = await host.AddRunAsync(host.Run(Flow, minutesAgo: 1), host.Outcome("web-42", OutcomeKind.Created, "crm-9"), host.Outcome("web-7", OutcomeKind.Created));

        var found = await host.RunsAsync(Roles.Steward, q => q.FindRecordAsync(" web-42 ", 0, 50));

        Assert.Equal(2, found.Total);
        Assert.Equal([(second, OutcomeKind.Created), (first, OutcomeKind.Rejected)], found.Items.Select(h => (h.RunId, h.Outcome)));
        Assert.All(found.Items, h => Assert.Equal("web-42", h.SourceId));
        Assert.Equal("crm-9", found.Items[0].TargetId);
    }

    [Fact]
    public async Task An_inbox_id_finds_the_record_that_arrived_as_that_inbox_item_whatever_its_source_id()
    {
        await using var host = await MonitoringHost.StartAsync();
        var arrived = host.Outcome("ann@example.com", OutcomeKind.Appended, "crm-1");
        arrived.InboxId = 31_337;
        var other = host.Outcome("bob@example.com", OutcomeKind.Created);
        other.InboxId = 31_338;
        var run = await host.AddRunAsync(host.Run(Flow), arrived, other);

        var found = await host.RunsAsync(Roles.Steward, q => q.FindRecordAsync("31337", 0, 50));

        var hit = Assert.Single(found.Items);
        Assert.Equal((run, "ann@example.com", 31_337L, OutcomeKind.Appended), (hit.RunId, hit.SourceId, hit.InboxId!.Value, hit.Outcome));
    }

    [Fact]
    public async Task The_search_is_paged_on_the_server_and_an_empty_search_finds_nothing()
    {
        await using var host = await MonitoringHost.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await host.AddRunAsync(host.Run(Flow, minutesAgo: 10 - i), host.Outcome("again", OutcomeKind.Unchanged));
        }

        var page = await host.RunsAsync(Roles.Steward, q => q.FindRecordAsync("again", 1, 2));
        var none = await host.RunsAsync(Roles.Steward, q => q.FindRecordAsync("  ", 0, 50));

        Assert.Equal((5, 2), (page.Total, page.Items.Count));
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public async Task A_user_who_may_not_view_runs_is_refused()
    {
        await using var host = await MonitoringHost.StartAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.RunsAsync(Roles.Auditor, q => q.FindRecordAsync("web-42", 0, 50)));
    }
}
