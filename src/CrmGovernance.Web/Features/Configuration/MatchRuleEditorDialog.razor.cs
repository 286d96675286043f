using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Configuration;

/// <summary>
/// Edits an object's match rule inside a change request: thresholds, comparisons with their levels, blocking keys and
/// field names. The rule is validated before it is saved; on an error everything typed stays in the form.
/// </summary>
public sealed partial class MatchRuleEditorDialog
{
    private List<string> fieldNames = [];
    private IReadOnlyList<string> errors = [];

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private ChangeRequestService Requests { get; set; } = default!;
    [Parameter, EditorRequired] public GovernanceConfiguration Configuration { get; set; } = default!;
    [Parameter, EditorRequired] public BusinessObject BusinessObject { get; set; } = default!;

    /// <summary>The rule as the page showed it; null when the object has none yet.</summary>
    [Parameter] public MatchRule? Current { get; set; }

    /// <summary>What a new rule starts from (the object's default rule); null: a blank rule.</summary>
    [Parameter] public MatchRule? Template { get; set; }

    [Parameter, EditorRequired] public Guid ChangeRequestId { get; set; }

    private MatchRuleDraft Draft { get; set; } = default!;

    protected override void OnInitialized()
    {
        fieldNames = [.. Configuration.Fields.Where(f => f.ObjectId == BusinessObject.Id).Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
        Draft = (Current ?? Template) is { } rule ? MatchRuleDraft.From(rule) : MatchRuleDraft.New(BusinessObject.Id, BusinessObject.Name);
    }

    /// <summary>The known attributes, plus an unknown one already in the rule (e.g. imported from YAML) so it shows until replaced.</summary>
    private static IEnumerable<string> AttributeChoices(string? current) =>
        string.IsNullOrEmpty(current) || MatchAttributes.IsKnown(current) ? MatchAttributes.All : MatchAttributes.All.Prepend(current);

    private void AddComparison() =>
        Draft.Comparisons.Add(new MatchRuleDraft.ComparisonDraft { Levels = { new MatchRuleDraft.LevelDraft { Percent = 100, Weight = 8 } }, MismatchWeight = -4 });

    private static void AddLevel(MatchRuleDraft.ComparisonDraft comparison) =>
        comparison.Levels.Add(new MatchRuleDraft.LevelDraft { Percent = comparison.Levels.Count == 0 ? 100 : Math.Max(comparison.Levels[^1].Percent - 10, 1) });

    private async Task SaveAsync()
    {
        if (string.IsNullOrWhiteSpace(Draft.Name))
        {
            Draft.Name = BusinessObject.Name;
        }
        var rule = Draft.ToRule();
        var problems = Draft.FieldNameErrors().Concat(Problems(rule)).ToList();
        if (problems.Count > 0)
        {
            errors = problems;
            return;
        }
        var result = await Requests.SaveEditAsync(ChangeRequestId, Current, rule);
        errors = result.Errors;
        if (result.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(rule.Id));
        }
    }

    /// <summary>The validation issues of this rule, including a second rule for the same object, in the draft it is saved to.</summary>
    private IEnumerable<string> Problems(MatchRule rule)
    {
        var draft = ConfigurationItems.With(Configuration, ConfigurationItemKind.MatchRule, rule.Id, rule);
        var sameObject = draft.MatchRules.Where(r => r.ObjectId == rule.ObjectId).Select(r => r.Id).ToHashSet();
        return MatchRuleValidator.Validate(draft).Where(i => sameObject.Contains(i.ItemId)).Select(i => i.Message).Distinct();
    }
}
