using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Sync.ErrorQueue;

namespace CrmGovernance.Core.Tests.Features.Sync.Runs;

public sealed class ErrorQueueServiceTests
{
    private static readonly Guid FlowA = Guid.NewGuid();
    private static readonly Guid FlowB = Guid.NewGuid();

    [Fact]
    public async Task Items_are_listed_newest_first_filtered_by_status_kind_and_flow()
    {
        await using var host = await MonitoringHost.StartAsync();
        await host.AddErrorsAsync(
            host.Error(ErrorKind.Rejected, FlowA, "a1", "email is missing"),
            host.Error(ErrorKind.Failed, FlowA, "a2", "CRM timed out"),
            host.Error(ErrorKind.Rejected, FlowA, "a3", "email is missing", ErrorStatus.Resolved),
            host.Error(ErrorKind.Rejected, FlowB, "b1", "email is missing"),
            host.Error(ErrorKind.Inbound, null, null, "body is not JSON"),
            host.Error(ErrorKind.Rejected, FlowA, "a4", "email is missing"));

        var open = await host.QueueAsync(Roles.Steward, s => s.ListAsync(new ErrorQueueFilter(ErrorStatus.Open), 0, 50));
        var rejectedOfA = await host.QueueAsync(Roles.Steward, s => s.ListAsync(new ErrorQueueFilter(ErrorStatus.Open, ErrorKind.Rejected, FlowA), 0, 50));
        var secondPage = await host.QueueAsync(Roles.Steward, s => s.ListAsync(new ErrorQueueFilter(), 1, 4));

        Assert.Equal(5, open.Total);
        Assert.Equal(["a4", "a1"], rejectedOfA.Items.Select(r => r.SourceId ?? ""));
        Assert.Equal(6, secondPage.Total);
        Assert.Equal(["a2", "a1"], secondPage.Items.Select(r => r.SourceId ?? ""));
    }

    [Fact]
    public async Task Each_item_is_listed_with_the_name_its_record_gives_when_it_gives_one()
    {
        await using var host = await MonitoringHost.StartAsync();
        ErrorQueueItem With(ErrorQueueItem item, string payload)
        {
            item.Payload = payload;
            return item;
        }
        await host.AddErrorsAsync(
            With(host.Error(ErrorKind.Rejected, FlowA, "p1", "phone is wrong"), """{"first_name":"Ann","last_name":" Lee ","email":"ann@example.com","age":3}"""),
            With(host.Error(ErrorKind.Rejected, FlowA, "c1", "website is wrong"), """{"name":"Harbour Logistics"}"""),
            host.Error(ErrorKind.Rejected, FlowA, "x1", "nothing to name it by"),
            With(host.Error(ErrorKind.Inbound, null, null, "body is not JSON"), "not json {"));

        var rows = (await host.QueueAsync(Roles.Steward, s => s.ListAsync(new ErrorQueueFilter(), 0, 50))).Items.ToDictionary(r => r.SourceId ?? "");

        Assert.Equal("Ann Lee · ann@example.com", rows["p1"].RecordName);
        Assert.Equal("Harbour Logistics", rows["c1"].RecordName);
        Assert.Null(rows["x1"].RecordName);
        Assert.Null(rows[""].RecordName);
    }

    [Fact]
    public async Task Search_finds_the_start_of_a_source_id_or_words_of_the_reason()
    {
        await using var host = await MonitoringHost.StartAsync();
        await host.AddErrorsAsync(
            host.Error(ErrorKind.Rejected, FlowA, "web-100", "Email is missing"),
            host.Error(ErrorKind.Rejected, FlowA, "web-200", "phone 100% invalid"),
            host.Error(ErrorKind.Failed, FlowA, "shop-100", "CRM timed out"),
            host.Error(ErrorKind.Rejected, FlowA, "erp-7", "Kunde Müller gesperrt"));

        async Task<string[]> SearchAsync(string q) =>
            (await host.QueueAsync(Roles.Admin, s => s.ListAsync(new ErrorQueueFilter(Search: q), 0, 50))).Items.Select(r => r.SourceId ?? "").Order().ToArray();

        Assert.Equal(["web-100", "web-200"], await SearchAsync("web-"));
        Assert.Equal(["web-100"], await SearchAsync("email IS"));
        Assert.Equal(["web-200"], await SearchAsync("100%"));
        Assert.Empty(await SearchAsync("-100"));
        // Letters beyond ASCII on either engine: the typed case of ASCII letters does not matter, an accented letter as stored is found.
        Assert.Equal(["erp-7"], await SearchAsync("müller"));
        Assert.Equal(["erp-7"], await SearchAsync("KUNDE mü"));
    }

    [Fact]
    public async Task Discarding_closes_only_open_items_and_records_who_and_why_in_the_audit_trail()
    {
        await using var host = await MonitoringHost.StartAsync();
        await host.AddErrorsAsync(
            host.Error(ErrorKind.Rejected, FlowA, "a1", "email is missing"),
            host.Error(ErrorKind.Rejected, FlowA, "a2", "email is missing", ErrorStatus.Resolved),
            host.Error(ErrorKind.Rejected, FlowA, "a3", "email is missing"));

        var discarded = await host.QueueAsync(Roles.Admin, s => s.DiscardAsync([1, 2], "Test submissions from the agency"));

        Assert.Equal(1, discarded);
        var first = await host.ErrorAsync(1);
        Assert.Equal((ErrorStatus.Discarded, "admin@example.com", host.Now), (first.Status, first.ResolvedBy, first.ResolvedUtc));
        Assert.Equal(ErrorStatus.Resolved, (await host.ErrorAsync(2)).Status);
        Assert.Equal(ErrorStatus.Open, (await host.ErrorAsync(3)).Status);
        var audit = (await host.Host.AuditRowsAsync()).Single(e => e.Action == ErrorQueueService.DiscardAction);
        Assert.Equal(("ErrorQueueItem", "1", "admin@example.com"), (audit.EntityType, audit.EntityId, audit.ActorName));
        Assert.Contains("Test submissions from the agency", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discarding_without_a_reason_is_refused_and_changes_nothing()
    {
        await using var host = await MonitoringHost.StartAsync();
        await host.AddErrorsAsync(host.Error(ErrorKind.Rejected, FlowA, "a1", "email is missing"));

        await Assert.ThrowsAsync<ArgumentException>(() => host.QueueAsync(Roles.Admin, s => s.DiscardAsync([1], "  ")));

        Assert.Equal(ErrorStatus.Open, (await host.ErrorAsync(1)).Status);
    }

    [Fact]
    public async Task A_manager_reads_the_error_queue_and_may_not_discard()
    {
        await using var host = await MonitoringHost.StartAsync();
        await host.AddErrorsAsync(host.Error(ErrorKind.Rejected, DemoConfiguration.WebFormFlow, "a1", "email is missing"));

        var open = await host.QueueAsync(Roles.Manager, s => s.ListAsync(new ErrorQueueFilter(), 0, 10));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.QueueAsync(Roles.Manager, s => s.DiscardAsync([1], "no")));

        Assert.Equal(1, open.Total);
        Assert.Equal(1, await host.QueueAsync(Roles.Manager, s => s.OpenCountAsync()));
        Assert.Equal(ErrorStatus.Open, (await host.ErrorAsync(1)).Status);
    }

    [Fact]
    public async Task A_steward_discards_only_the_records_of_flows_whose_object_they_steward()
    {
        await using var host = await MonitoringHost.StartAsync(MonitoringHost.Demo());
        await host.AddErrorsAsync(host.Error(ErrorKind.Rejected, DemoConfiguration.WebFormFlow, "a1", "email is missing"));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.QueueAsync(Roles.Steward, s => s.DiscardAsync([1], "Not mine")));
        Assert.Equal(ErrorStatus.Open, (await host.ErrorAsync(1)).Status);

        // The demo's objects are stewarded by MonitoringHost.Owner.
        Assert.Equal(1, await host.QueueAsync(Roles.Steward, s => s.DiscardAsync([1], "Test submissions"), MonitoringHost.Owner));
        Assert.Equal((ErrorStatus.Discarded, MonitoringHost.Owner), ((await host.ErrorAsync(1)).Status, (await host.ErrorAsync(1)).ResolvedBy));
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    public async Task Roles_outside_operations_may_not_discard_or_list(string role)
    {
        await using var host = await MonitoringHost.StartAsync();
        await host.AddErrorsAsync(host.Error(ErrorKind.Rejected, FlowA, "a1", "email is missing"));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.QueueAsync(role, s => s.DiscardAsync([1], "no")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.QueueAsync(role, s => s.ListAsync(new ErrorQueueFilter(), 0, 10)));
        Assert.Equal(0, await host.QueueAsync(role, s => s.OpenCountAsync()));
        Assert.Equal(ErrorStatus.Open, (await host.ErrorAsync(1)).Status);
    }

    [Fact]
    public async Task Open_items_are_counted_in_all_and_per_flow()
    {
        await using var host = await MonitoringHost.StartAsync();
        await host.AddErrorsAsync(
            host.Error(ErrorKind.Rejected, FlowA, "a1", "x"), host.Error(ErrorKind.Failed, FlowA, "a2", "x"),
            host.Error(ErrorKind.Rejected, FlowA, "a3", "x", ErrorStatus.Discarded), host.Error(ErrorKind.Rejected, FlowB, "b1", "x"),
            host.Error(ErrorKind.Inbound, null, null, "x"));

        var total = await host.QueueAsync(Roles.BusinessOwner, s => s.OpenCountAsync());
        var perFlow = await host.QueueAsync(Roles.BusinessOwner, s => s.OpenCountsByFlowAsync());

        Assert.Equal(4, total);
        Assert.Equal(2, perFlow.Single(c => c.FlowId == FlowA).Count);
        Assert.Equal(1, perFlow.Single(c => c.FlowId == FlowB).Count);
        Assert.Equal(1, perFlow.Single(c => c.FlowId is null).Count);
        Assert.Equal(FlowA, perFlow[0].FlowId);
    }

    [Fact]
    public async Task An_item_is_read_with_its_payload()
    {
        await using var host = await MonitoringHost.StartAsync();
        var item = host.Error(ErrorKind.Inbound, null, null, "body is not JSON");
        item.Payload = "<xml>not json</xml>";
        await host.AddErrorsAsync(item);

        var read = await host.QueueAsync(Roles.Steward, s => s.GetAsync(1));

        Assert.Equal("<xml>not json</xml>", read!.Payload);
    }
}
