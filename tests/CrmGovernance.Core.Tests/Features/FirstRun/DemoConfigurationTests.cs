using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Core.Tests.Features.FirstRun;

public sealed class DemoConfigurationTests
{
    private readonly GovernanceConfiguration _demo = DemoConfiguration.Build("owner@example.com", "steward@example.com");

    [Fact]
    public void The_demo_configuration_has_no_blocking_errors() =>
        Assert.Empty(ConfigurationValidator.Validate(_demo).Select(i => i.Message));

    [Fact]
    public void The_six_standard_objects_are_present_with_an_owner_and_a_steward()
    {
        Assert.Equal(["contact", "company", "lead", "opportunity", "subscription", "order"], _demo.Objects.Select(o => o.Key));
        Assert.All(_demo.Objects, o => Assert.False(string.IsNullOrEmpty(o.Owner) || string.IsNullOrEmpty(o.Steward)));
    }

    [Fact]
    public void A_known_web_form_email_updates_the_contact_and_appends_an_activity_instead_of_creating_one()
    {
        var rule = _demo.Rules.Single(r => r.FlowId == DemoConfiguration.WebFormFlow && r.Trigger == RuleTriggerKind.MatchedExisting);
        Assert.Equal([RuleActionKind.UpdateOwnedFieldsOnly, RuleActionKind.AppendActivity], rule.Actions.Select(a => a.Kind));
    }

    [Fact]
    public void A_refunded_order_sets_the_customer_status()
    {
        var rule = _demo.Rules.Single(r => r.FlowId == DemoConfiguration.OrdersFlow && r.Trigger == RuleTriggerKind.FieldChangedTo);
        Assert.Equal(("status", "refunded"), (rule.TriggerField, rule.TriggerValue));
        Assert.Contains(rule.Actions, a => a.Kind == RuleActionKind.SetField && a.Field == "contact.customer_status" && a.Value == "refunded");
    }

    [Fact]
    public void A_new_order_above_the_threshold_is_held_for_review()
    {
        var rule = _demo.Rules.Single(r => r.FlowId == DemoConfiguration.OrdersFlow && r.Actions.Any(a => a.Kind == RuleActionKind.RouteToReview));
        Assert.Equal(RuleTriggerKind.Created, rule.Trigger);
        Assert.Equal(("amount", ConditionOperator.GreaterThan, "5000"), (rule.Conditions[0].Field, rule.Conditions[0].Operator, rule.Conditions[0].Value));
    }

    [Fact]
    public void Every_demo_system_has_a_connector_that_can_run_and_every_flow_matches_on_a_key()
    {
        Assert.Equal(["webhook", "sql", "sql", "sql"], _demo.Systems.Select(s => s.ConnectorType));
        Assert.All(_demo.Systems.Where(s => s.ConnectorType == "sql"), s => Assert.StartsWith("demo/", s.Settings["database"], StringComparison.Ordinal));
        Assert.All(_demo.Flows, f => Assert.NotEmpty(f.MatchKeys));
    }

    [Fact]
    public void A_closed_lost_opportunity_suppresses_marketing()
    {
        var rule = _demo.Rules.Single(r => r.FlowId == DemoConfiguration.OpportunitiesFlow);
        Assert.Equal(("stage", "closed_lost"), (rule.TriggerField, rule.TriggerValue));
        Assert.Contains(rule.Actions, a => a.Kind == RuleActionKind.SuppressMarketing);
    }
}
