using System.Globalization;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Scenarios;
using CrmGovernance.Core.Features.Scenarios.Sandbox;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Scenarios;

public sealed partial class ScenarioEditorDialog
{
    private string name = "", description = "", inputText = "", existingText = "", afterwardsText = "", recordsAfter = "";
    private string? nameError, inputError, existingError, afterwardsError, countError;
    private bool targetUnavailable, busy;
    private List<ExpectationRow> expectations = [];
    private List<ScenarioRecord> inputs = [];
    private IReadOnlyList<string> errors = [];
    private ScenarioOutcome? trial;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private ScenarioService Scenarios { get; set; } = default!;
    [Inject] private ChangeRequestService Requests { get; set; } = default!;

    [Parameter, EditorRequired] public DataFlow Flow { get; set; } = default!;
    /// <summary>The draft to save into; <see cref="Guid.Empty"/>: a new one, started on saving (tried on the published configuration until then).</summary>
    [Parameter, EditorRequired] public Guid ChangeRequestId { get; set; }

    /// <summary>The scenario as it is in the draft (null: a new one, e.g. captured from a real record).</summary>
    [Parameter] public Scenario? Original { get; set; }

    /// <summary>What the editor starts from: the original, a captured record, or a blank scenario.</summary>
    [Parameter, EditorRequired] public Scenario Scenario { get; set; } = default!;

    /// <summary>Names shown in labels, read from the draft when the dialog opens.</summary>
    private string TargetName { get; set; } = "the target";

    private string ObjectName { get; set; } = "Object";

    public static Scenario Blank(DataFlow flow) => new() { Id = Guid.CreateVersion7(), FlowId = flow.Id, Name = "", Origin = "Typed" };

    protected override async Task OnInitializedAsync()
    {
        (name, description, targetUnavailable) = (Scenario.Name, Scenario.Description, Scenario.TargetUnavailable);
        inputText = ScenarioRecordsText.Format(Scenario.Inputs.Select(i => new ScenarioRecord { Id = i.SourceId, Fields = i.Fields }));
        existingText = ScenarioRecordsText.Format(Scenario.Existing);
        afterwardsText = ScenarioRecordsText.Format(Scenario.Afterwards);
        recordsAfter = Scenario.TargetRecordsAfter?.ToString(CultureInfo.InvariantCulture) ?? "";
        expectations = [.. Scenario.Inputs.Select(i => ExpectationRow.From(i.SourceId, i.Expected))];
        inputs = [.. Scenario.Inputs.Select(i => new ScenarioRecord { Id = i.SourceId, Fields = i.Fields })];
        var configuration = await Scenarios.ConfigurationAsync(ChangeRequestId == Guid.Empty ? null : ChangeRequestId);
        TargetName = configuration.FindSystem(Flow.TargetSystemId)?.Name ?? TargetName;
        ObjectName = configuration.FindObject(Flow.ObjectId)?.Name ?? ObjectName;
    }

    private void ReadInputs()
    {
        var (records, error) = ScenarioRecordsText.Parse(inputText, "input");
        inputError = error;
        if (records is null)
        {
            return;
        }
        inputs = records;
        var previous = expectations.GroupBy(e => e.SourceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        expectations = [.. records.Select(r => previous.GetValueOrDefault(r.Id) ?? new ExpectationRow { SourceId = r.Id })];
    }

    /// <summary>The scenario as typed, or null with every problem shown beside its field.</summary>
    private Scenario? Build()
    {
        ReadInputs();
        nameError = string.IsNullOrWhiteSpace(name) ? "Give the scenario a name." : null;
        var (existing, existingProblem) = ScenarioRecordsText.Parse(existingText, "existing");
        var (afterwards, afterwardsProblem) = ScenarioRecordsText.Parse(afterwardsText, "record");
        (existingError, afterwardsError) = (existingProblem, afterwardsProblem);
        countError = null;
        int? count = null;
        if (recordsAfter.Trim().Length > 0)
        {
            if (int.TryParse(recordsAfter.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                count = n;
            }
            else
            {
                countError = "A whole number, or leave it empty.";
            }
        }
        var built = new List<ScenarioInput>();
        foreach (var row in expectations)
        {
            var (values, valuesError) = ScenarioRecordsText.ParseValues(row.Values);
            row.Error = valuesError;
            if (values is not null && inputs.Find(i => i.Id == row.SourceId) is { } input)
            {
                built.Add(new ScenarioInput { SourceId = input.Id, Fields = input.Fields, Expected = row.ToExpectation(values) });
            }
        }
        if (nameError is not null || inputError is not null || existingError is not null || afterwardsError is not null || countError is not null
            || expectations.Any(e => e.Error is not null))
        {
            return null;
        }
        return Scenario with
        {
            Name = name.Trim(), Description = description.Trim(), TargetUnavailable = targetUnavailable, Inputs = built, Existing = existing!, Afterwards = afterwards!,
            TargetRecordsAfter = count,
        };
    }

    private async Task TryAsync()
    {
        if (Build() is not { } scenario)
        {
            return;
        }
        busy = true;
        try
        {
            trial = await Scenarios.TryAsync(scenario, ChangeRequestId == Guid.Empty ? null : ChangeRequestId);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task SaveAsync()
    {
        if (Build() is not { } scenario)
        {
            return;
        }
        busy = true;
        try
        {
            // A captured record opens with no change request: its own is started as it is saved, so a cancel leaves none behind.
            var id = ChangeRequestId != Guid.Empty ? ChangeRequestId
                : await Requests.CreateDraftAsync($"Scenario: {scenario.Name}", $"Try changes to {Flow.Name} against a real record ({scenario.Origin}).");
            var result = await Requests.SaveEditAsync(id, Original, scenario);
            errors = result.Errors;
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(id));
            }
            else if (ChangeRequestId == Guid.Empty)
            {
                ChangeRequestId = id;
            }
        }
        finally
        {
            busy = false;
        }
    }

    private static string OutcomeLabel(ExpectedOutcome outcome) => outcome switch
    {
        ExpectedOutcome.Created => "created",
        ExpectedOutcome.Updated => "updated",
        ExpectedOutcome.Unchanged => "left unchanged",
        ExpectedOutcome.Appended => "logged as an activity",
        ExpectedOutcome.Queued => "held for review",
        ExpectedOutcome.Rejected => "refused",
        ExpectedOutcome.Merged => "joined to an existing record",
        _ => "kept (system down)",
    };

    /// <summary>One input's expectation as the editor holds it.</summary>
    private sealed class ExpectationRow
    {
        public required string SourceId { get; init; }
        public ExpectedOutcome Outcome { get; set; } = ExpectedOutcome.Created;
        public string? TargetId { get; set; }
        public string? Reason { get; set; }
        public bool? NotifiesOwner { get; set; }
        public string Values { get; set; } = "";
        public string? Error { get; set; }

        public static ExpectationRow From(string sourceId, ScenarioExpectation e) => new()
        {
            SourceId = sourceId, Outcome = e.Outcome, TargetId = e.TargetId, Reason = e.ReasonContains, NotifiesOwner = e.NotifiesOwner,
            Values = ScenarioRecordsText.FormatValues(e.Values),
        };

        public ScenarioExpectation ToExpectation(Dictionary<string, string?> values) => new()
        {
            Outcome = Outcome, TargetId = Outcome == ExpectedOutcome.Merged && !string.IsNullOrWhiteSpace(TargetId) ? TargetId.Trim() : null,
            ReasonContains = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(), NotifiesOwner = NotifiesOwner,
            Values = values,
        };
    }
}
