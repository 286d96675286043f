using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.ChangeControl;

public sealed class SubmissionValidationTests
{
    [Fact]
    public async Task A_mapping_to_an_unknown_field_blocks_submission()
    {
        var errors = await SubmitWithAsync(c => Mapping(c, "email") with { TargetField = "no_such_field" });
        Assert.Contains(errors, e => e.Contains("CRM.no_such_field is not in CRM's field catalog", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_into_a_date_time_without_a_parse_step_blocks_submission()
    {
        var errors = await SubmitWithAsync(c => Mapping(c, "last_form_at") with { Transforms = [] });
        Assert.Contains(errors, e => e.Contains("last_form_at is a date-time, but the mapping gives text: add a Parse date step", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_systems_of_record_for_one_field_block_submission()
    {
        var errors = await SubmitWithAsync(c =>
        {
            var sot = c.SourcesOfTruth.Single(s => s.ObjectId == StandardObjects.Contact);
            return sot with { Fields = [.. sot.Fields, new FieldSourceOfTruth { Field = "email", OwnerSystemId = DemoConfiguration.Crm }] };
        });
        Assert.Contains(errors, e => e.Contains("Contact.email has two systems of record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rule_that_reads_a_missing_field_blocks_submission()
    {
        var errors = await SubmitWithAsync(c =>
        {
            var rule = c.Rules.First(r => r.FlowId == DemoConfiguration.OrdersFlow);
            return rule with { Conditions = [new RuleCondition { Field = "loyalty_tier", Value = "gold" }] };
        });
        Assert.Contains(errors, e => e.Contains("a condition reads the field \"loyalty_tier\", which neither system has", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cron_that_does_not_parse_blocks_submission()
    {
        var errors = await SubmitWithAsync(c => c.FindFlow(DemoConfiguration.OrdersFlow)! with { Cron = "every 15 minutes" });
        Assert.Contains(errors, e => e.Contains("is not a valid cron expression", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_flow_without_an_owner_blocks_submission()
    {
        var errors = await SubmitWithAsync(c => c.FindFlow(DemoConfiguration.OrdersFlow)! with { Owner = " " });
        Assert.Contains("The flow Shop orders to CRM has no owner.", errors);
    }

    [Fact]
    public async Task An_object_without_an_owner_blocks_submission()
    {
        var errors = await SubmitWithAsync(c => c.FindObject(StandardObjects.Company)! with { Owner = "" });
        Assert.Contains("The object Company has no owner.", errors);
    }

    [Fact]
    public async Task A_request_with_errors_stays_a_draft_and_keeps_its_edits()
    {
        await using var scenario = await StartAsync();
        var current = (await scenario.CurrentAsync()).Configuration;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Broken", "Testing validation"));
        await scenario.AsOwner(s => s.SaveItemAsync(id, current.FindFlow(DemoConfiguration.OrdersFlow)! with { Cron = "nope" }));

        Assert.False((await scenario.AsOwner(s => s.SubmitAsync(id))).Succeeded);
        var request = await scenario.AsOwner(s => s.GetAsync(id));
        Assert.Equal(ChangeRequestStatus.Draft, request!.Status);
        Assert.Single(request.Items);
    }

    private static FieldMapping Mapping(GovernanceConfiguration c, string target) =>
        c.Mappings.Single(m => m.FlowId == DemoConfiguration.WebFormFlow && m.TargetField == target);

    private static async Task<IReadOnlyList<string>> SubmitWithAsync(Func<GovernanceConfiguration, IConfigurationItem> edit)
    {
        await using var scenario = await StartAsync();
        var current = (await scenario.CurrentAsync()).Configuration;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Edit", "Testing validation"));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, edit(current))));
        var result = await scenario.AsOwner(s => s.SubmitAsync(id));
        Assert.False(result.Succeeded);
        return result.Errors;
    }
}
