using ClosedXML.Excel;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl.Import;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;
using static CrmGovernance.Core.Tests.Features.Configuration.Workbook.WorkbookFiles;

namespace CrmGovernance.Core.Tests.Features.Configuration.Workbook;

public sealed class MappingWorkbookServiceTests
{
    private static readonly Guid Flow = DemoConfiguration.WebFormFlow;

    [Fact]
    public async Task Changing_one_date_format_in_the_file_drafts_a_request_with_exactly_that_change()
    {
        await using var scenario = await StartAsync();
        var mapping = (await scenario.CurrentAsync()).Configuration.Mappings.Single(m => m.FlowId == Flow && m.TargetField == "last_form_at");
        var file = await AsOwner(scenario, s => s.ExportAsync(Flow));
        var edited = Edit(file.Content, s => s.Cell(RowOf(s, "last_form_at"), 6).SetValue("formats=dd/MM/yyyy|yyyy-MM-ddTHH:mm:ssZ"));

        var outcome = await AsOwner(scenario, s => s.ImportAsync(Flow, new MemoryStream(edited)));

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        Assert.Equal("mappings-web-form-to-crm-contacts-v1.xlsx", file.FileName);
        var diff = Assert.Single(outcome.Diff);
        Assert.Equal((ConfigurationItemKind.Mapping, mapping.Id, DiffKind.Changed), (diff.Kind, diff.ItemId, diff.Change));
        Assert.Equal(new FieldChange("transforms[0].args.formats", "dd/MM/yyyy HH:mm|yyyy-MM-ddTHH:mm:ssZ", "dd/MM/yyyy|yyyy-MM-ddTHH:mm:ssZ"),
            Assert.Single(diff.Fields));
        var request = await scenario.AsOwner(s => s.GetAsync(outcome.ChangeRequestId!.Value));
        Assert.Equal("Mapping workbook: Web form to CRM contacts", request!.Title);
        Assert.Equal(ChangeRequestStatus.Draft, request.Status);
        Assert.Single(request.Items);
        Require(await scenario.AsOwner(s => s.SubmitAsync(request.Id)));
    }

    [Fact]
    public async Task A_workbook_round_trip_keeps_escalation_contacts_and_incident_policies_as_published()
    {
        var demo = DemoConfiguration.Build(Owner, Steward);
        var baseline = demo with
        {
            Objects = [.. demo.Objects.Select(o => o with { EscalationContact = "head.of.data@example.com" })],
            IncidentPolicies = [new IncidentPolicy { Id = Guid.NewGuid() }, new IncidentPolicy { Id = Guid.NewGuid(), FlowId = Flow, ErrorQueueThreshold = 3 }],
        };
        await using var scenario = await StartAsync(baseline);
        var file = await AsOwner(scenario, s => s.ExportAsync(Flow));
        var edited = Edit(file.Content, s => s.Cell(RowOf(s, "last_form_at"), 6).SetValue("formats=dd/MM/yyyy|yyyy-MM-ddTHH:mm:ssZ"));

        var outcome = await AsOwner(scenario, s => s.ImportAsync(Flow, new MemoryStream(edited)));

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        Assert.Equal(ConfigurationItemKind.Mapping, Assert.Single(outcome.Diff).Kind);
        var draft = await scenario.AsOwner(s => s.DraftConfigurationAsync(outcome.ChangeRequestId!.Value));
        Assert.All(draft.Objects, o => Assert.Equal("head.of.data@example.com", o.EscalationContact));
        Assert.Equal(3, draft.IncidentPolicyFor(Flow).ErrorQueueThreshold);
        Assert.Equal(2, draft.IncidentPolicies.Count);
    }

    [Fact]
    public async Task An_unchanged_workbook_reports_no_differences_and_creates_no_request()
    {
        await using var scenario = await StartAsync();
        var file = await AsOwner(scenario, s => s.ExportAsync(Flow));

        // As Blazor's upload stream does, this one refuses synchronous reads.
        var outcome = await AsOwner(scenario, s => s.ImportAsync(Flow, new AsyncOnlyStream(file.Content)));

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        Assert.Null(outcome.ChangeRequestId);
        Assert.Empty(outcome.Diff);
        Assert.Contains("nothing to change", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(1, await RequestCountAsync(scenario));
    }

    [Fact]
    public async Task Row_errors_come_back_with_row_numbers_and_create_no_request()
    {
        await using var scenario = await StartAsync();
        var file = await AsOwner(scenario, s => s.ExportAsync(Flow));
        var edited = Edit(file.Content, s =>
        {
            s.Cell(RowOf(s, "first_name"), 5).SetValue("Trimm");
            s.Cell(RowOf(s, "phone"), 4).SetValue("foo");
            s.Cell(RowOf(s, "last_form_at"), 6).SetValue("");
        });

        var outcome = await AsOwner(scenario, s => s.ImportAsync(Flow, new MemoryStream(edited)));

        Assert.Equal(3, outcome.Errors.Count);
        Assert.All(outcome.Errors, e => Assert.Matches(@"^Row \d+: ", e));
        Assert.Contains(outcome.Errors, e => e.Contains("unknown transform 'Trimm'", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => e.Contains("the target field foo is not in CRM's catalog", StringComparison.Ordinal));
        Assert.Contains(outcome.Errors, e => e.Contains("argument 'formats' missing for Parse date", StringComparison.Ordinal));
        Assert.Null(outcome.ChangeRequestId);
        Assert.Equal(1, await RequestCountAsync(scenario));
    }

    [Fact]
    public async Task A_new_row_and_a_removed_row_become_an_added_and_a_removed_mapping()
    {
        await using var scenario = await StartAsync();
        var file = await AsOwner(scenario, s => s.ExportAsync(Flow));
        var edited = Edit(file.Content, s =>
        {
            var row = RowOf(s, "lifecycle_stage");
            s.Row(row).Clear(XLClearOptions.Contents);
            s.Cell(row, 2).SetValue(6);
            s.Cell(row, 4).SetValue("customer_status");
            s.Cell(row, 5).SetValue("Constant");
            s.Cell(row, 6).SetValue("value=prospect");
        });

        var outcome = await AsOwner(scenario, s => s.ImportAsync(Flow, new MemoryStream(edited)));

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        Assert.Equal([DiffKind.Added, DiffKind.Removed], outcome.Diff.Select(d => d.Change).Order());
        Assert.Contains(outcome.Diff, d => d.Change == DiffKind.Added && d.DisplayName == "mapping (none) → customer_status");
    }

    [Fact]
    public async Task A_workbook_older_than_the_flows_last_mapping_change_is_refused_but_not_one_older_than_other_changes()
    {
        await using var scenario = await StartAsync();
        var webForm = await AsOwner(scenario, s => s.ExportAsync(Flow));
        var orders = await AsOwner(scenario, s => s.ExportAsync(DemoConfiguration.OrdersFlow));
        var email = (await scenario.CurrentAsync()).Configuration.Mappings.Single(m => m.FlowId == Flow && m.TargetField == "email");
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Trim emails", "Test"));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, email with { Transforms = [.. email.Transforms, new Transform { Kind = TransformKind.Trim }] })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(id)));
        Require(await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null)));
        var edited = Edit(webForm.Content, s => s.Cell(RowOf(s, "phone"), 6).SetValue("region=US"));

        var stale = await AsOwner(scenario, s => s.ImportAsync(Flow, new MemoryStream(edited)));
        var unrelated = await AsOwner(scenario, s => s.ImportAsync(DemoConfiguration.OrdersFlow, new MemoryStream(orders.Content)));

        Assert.StartsWith("The workbook was exported from version 1, and the mappings of Web form to CRM contacts have changed since (version 2",
            Assert.Single(stale.Errors), StringComparison.Ordinal);
        Assert.True(unrelated.Succeeded, string.Join("\n", unrelated.Errors));
        Assert.Null(unrelated.ChangeRequestId);
    }

    private static async Task<T> AsOwner<T>(ChangeControlScenario scenario, Func<MappingWorkbookService, Task<T>> action)
    {
        await using var scope = scenario.Host.ScopeAs(Owner, Roles.BusinessOwner);
        return await action(Service(scope.ServiceProvider));
    }

    /// <summary>Like Blazor's browser file stream: reads only asynchronously.</summary>
    private sealed class AsyncOnlyStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Synchronous reads are not supported.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush() => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private static async Task<int> RequestCountAsync(ChangeControlScenario scenario) =>
        (await scenario.AsOwner(s => s.ListAsync(null, 0, 50))).Total;
}
