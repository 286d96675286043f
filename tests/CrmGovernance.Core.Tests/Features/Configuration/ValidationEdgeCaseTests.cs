using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Core.Tests.Features.Configuration;

public sealed class ValidationEdgeCaseTests
{
    private readonly GovernanceConfiguration _demo = DemoConfiguration.Build("owner@example.com", "steward@example.com");

    [Fact]
    public void A_field_name_listed_twice_in_a_catalog_is_reported_instead_of_crashing_validation_and_preview()
    {
        var duplicate = _demo.Fields.First(f => f.SystemId == DemoConfiguration.Website && f.Name == "email") with { Id = Guid.NewGuid(), Name = "EMAIL" };
        var config = _demo with { Fields = [.. _demo.Fields, duplicate] };

        Assert.Contains(ConfigurationValidator.Validate(config), i => i.Message.Contains("is listed twice", StringComparison.Ordinal));
        var flow = config.FindFlow(DemoConfiguration.WebFormFlow)!;
        Assert.NotEmpty(MappingPreview.Run(config, flow, config.Mappings.Where(m => m.FlowId == flow.Id), new Dictionary<string, string?>()));
    }

    [Fact]
    public void A_half_typed_date_format_is_an_error_at_design_time_and_when_run()
    {
        var step = Transform.Of(TransformKind.FormatDate, ("format", "dd '"));
        Assert.Equal("The date format 'dd '' is not valid.", TransformStep.Apply(step, "2026-11-26", "GB").Error);
        Assert.Contains("is not valid", TransformStep.Apply(Transform.Of(TransformKind.ParseDate, ("formats", "%")), "26", "GB").Error, StringComparison.Ordinal);

        var mapping = _demo.Mappings.Single(m => m.TargetField == "last_form_at") with
        {
            Transforms = [Transform.Of(TransformKind.ParseDate, ("formats", "dd/MM/yyyy HH:mm")), step],
            TargetField = "first_name",
        };
        var config = _demo with { Mappings = [.. _demo.Mappings.Where(m => m.TargetField is not ("last_form_at" or "first_name")), mapping] };
        Assert.Contains(ConfigurationValidator.Validate(config), i => i.Message.Contains("the date format 'dd '' is not valid", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_changed_to_trigger_without_a_value_is_reported()
    {
        var rule = _demo.Rules.Single(r => r.FlowId == DemoConfiguration.OrdersFlow && r.Trigger == RuleTriggerKind.FieldChangedTo) with { TriggerValue = " " };
        var config = _demo with { Rules = [.. _demo.Rules.Where(r => r.Id != rule.Id), rule] };
        Assert.Contains(ConfigurationValidator.Validate(config), i => i.Message.EndsWith("its trigger needs the value the field changes to.", StringComparison.Ordinal));
    }

    [Fact]
    public void Diffs_never_show_secret_ciphertext()
    {
        var crm = _demo.FindSystem(DemoConfiguration.Crm)!;
        var withSecret = crm with { Secrets = new(StringComparer.Ordinal) { ["api_key"] = "CfDJ8-ciphertext" } };
        var change = Assert.Single(ConfigurationDiff.Leaves(crm, withSecret));
        Assert.Equal(("secrets.api_key", null, "(encrypted)"), (change.Path, change.Old, change.New));
    }
}
