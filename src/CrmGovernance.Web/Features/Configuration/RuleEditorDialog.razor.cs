using System.Globalization;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Web.Components.Validation;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Configuration;

/// <summary>Edits one business rule of a flow: trigger, conditions (all/any), actions. Structured, no code.</summary>
public sealed partial class RuleEditorDialog
{
    private string name = "";
    // Text, so what was typed stays when it is not a number and the field says why (a numeric field would drop it).
    private string order = "1";
    private RuleTriggerKind trigger = RuleTriggerKind.Created;
    private string? triggerField, triggerValue;
    private bool matchAll = true;
    private List<Condition> conditions = [];
    private List<Action> actions = [];
    private List<string> fieldNames = [];
    private IReadOnlyList<string> errors = [];
    private MudForm form = default!;

    private static readonly Func<string?, string?> OrderRule = FieldRules.WholeNumber("Order", 1);

    private int OrderNumber => InputChecks.WholeNumber(order, "Order", 1, out var n) is null ? n : 1;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private ChangeRequestService Requests { get; set; } = default!;
    [Parameter, EditorRequired] public GovernanceConfiguration Configuration { get; set; } = default!;
    [Parameter, EditorRequired] public DataFlow Flow { get; set; } = default!;
    [Parameter] public BusinessRule? Rule { get; set; }
    [Parameter] public int NextOrder { get; set; } = 1;
    [Parameter, EditorRequired] public Guid ChangeRequestId { get; set; }

    private Func<string?, string?> NameRule => FieldRules.Of(FieldRules.Required("Give the rule a name that says what it is for."),
        v => DuplicateCheck.RuleName(Configuration, Rule?.Id ?? Guid.Empty, Flow.Id, v));

    protected override void OnInitialized()
    {
        fieldNames = [.. Configuration.FieldsOf(Flow.SourceSystemId, Flow.ObjectId).Concat(Configuration.FieldsOf(Flow.TargetSystemId, Flow.ObjectId))
            .Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
        order = NextOrder.ToString(CultureInfo.InvariantCulture);
        if (Rule is { } r)
        {
            (name, order, trigger, triggerField, triggerValue, matchAll) = (r.Name, r.Order.ToString(CultureInfo.InvariantCulture), r.Trigger, r.TriggerField, r.TriggerValue, r.MatchAll);
            conditions = [.. r.Conditions.Select(c => new Condition { Field = c.Field, Operator = c.Operator, Value = c.Value })];
            actions = [.. r.Actions.Select(a => new Action { Kind = a.Kind, Field = a.Field, Value = a.Value, Reason = a.Reason })];
        }
        if (actions.Count == 0)
        {
            actions.Add(new Action());
        }
    }

    private BusinessRule Build() => (Rule ?? new BusinessRule { Id = Guid.CreateVersion7(), FlowId = Flow.Id, Name = "" }) with
    {
        Name = name.Trim(), Order = OrderNumber, Trigger = trigger, MatchAll = matchAll,
        TriggerField = trigger == RuleTriggerKind.FieldChangedTo ? triggerField : null,
        TriggerValue = trigger == RuleTriggerKind.FieldChangedTo ? triggerValue : null,
        Conditions = [.. conditions.Where(c => !string.IsNullOrWhiteSpace(c.Field)).Select(c => new RuleCondition { Field = c.Field!, Operator = c.Operator, Value = c.Value })],
        Actions = [.. actions.Select(a => new RuleAction { Kind = a.Kind, Field = a.Field, Value = a.Value, Reason = a.Reason })],
    };

    private async Task SaveAsync()
    {
        await form.ValidateAsync();
        if (!form.IsValid)
        {
            return;
        }
        var rule = Build();
        var result = await Requests.SaveEditAsync(ChangeRequestId, Rule, rule);
        errors = result.Errors;
        if (result.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(rule.Id));
        }
    }

    private sealed class Condition
    {
        public string? Field { get; set; }
        public ConditionOperator Operator { get; set; } = ConditionOperator.Equals;
        public string? Value { get; set; }
    }

    private sealed class Action
    {
        public RuleActionKind Kind { get; set; } = RuleActionKind.Create;
        public string? Field { get; set; }
        public string? Value { get; set; }
        public string? Reason { get; set; }
    }
}
