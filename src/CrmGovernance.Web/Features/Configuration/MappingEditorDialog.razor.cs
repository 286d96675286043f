using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Web.Components.Validation;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Configuration;

/// <summary>Edits one mapping of a flow inside a draft change request, with a live preview on a sample record.</summary>
public sealed partial class MappingEditorDialog
{
    private List<FieldDefinition> sourceFields = [];
    private List<FieldDefinition> targetFields = [];
    private IReadOnlyList<string> saveErrors = [];
    private bool saving;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private ChangeRequestService Requests { get; set; } = default!;

    [Parameter, EditorRequired] public GovernanceConfiguration Configuration { get; set; } = default!;
    [Parameter, EditorRequired] public DataFlow Flow { get; set; } = default!;
    [Parameter, EditorRequired] public MappingDraft Draft { get; set; } = default!;
    [Parameter, EditorRequired] public Guid ChangeRequestId { get; set; }
    [Parameter] public string Sample { get; set; } = "";

    /// <summary>The mapping as the page showed it; null for a new one.</summary>
    [Parameter] public FieldMapping? Original { get; set; }

    private string SourceName => Configuration.FindSystem(Flow.SourceSystemId)?.Name ?? "source";
    private string TargetName => Configuration.FindSystem(Flow.TargetSystemId)?.Name ?? "target";

    protected override void OnParametersSet()
    {
        sourceFields = [.. Configuration.FieldsOf(Flow.SourceSystemId, Flow.ObjectId).OrderBy(f => f.Name, StringComparer.Ordinal)];
        targetFields = [.. Configuration.FieldsOf(Flow.TargetSystemId, Flow.ObjectId).OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    private Func<string?, string?> TargetRule => FieldRules.Of(FieldRules.Required("Choose the target field."),
        v => DuplicateCheck.MappingTarget(Configuration, Draft.Id, Flow.Id, v));

    /// <summary>
    /// The transform chain checked against both field types as the user edits (the check submit runs too); null until
    /// a target is chosen, or when a source field is not in the catalog (the save says so).
    /// </summary>
    private IReadOnlyList<string>? TypeErrors()
    {
        if (targetFields.Find(f => string.Equals(f.Name, Draft.TargetField, StringComparison.OrdinalIgnoreCase)) is not { } target)
        {
            return null;
        }
        var sources = Draft.SourceFields.Select(name => sourceFields.Find(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
            .OfType<FieldDefinition>().ToList();
        return sources.Count < Draft.SourceFields.Count ? null : MappingTypeCheck.Check(Draft.ToMapping(), sources, target);
    }

    private IEnumerable<MappingPreviewRow> Preview() =>
        MappingPreview.Run(Configuration, Flow, [Draft.ToMapping()], MappingPreview.ParseSample(Sample ?? ""))
            .Where(r => r.MappingId == Draft.Id);

    private void AddSource(string? field)
    {
        if (!string.IsNullOrEmpty(field))
        {
            Draft.SourceFields.Add(field);
        }
    }

    private void AddStep() => Draft.Steps.Add(new MappingDraft.StepDraft { Kind = TransformKind.Trim });

    private void Move(int index, int by)
    {
        var step = Draft.Steps[index];
        Draft.Steps.RemoveAt(index);
        Draft.Steps.Insert(index + by, step);
    }

    private async Task SaveAsync()
    {
        if (TargetRule(Draft.TargetField) is { } targetError)
        {
            saveErrors = [targetError];
            return;
        }
        if (Draft.MapLineErrors().ToList() is { Count: > 0 } mapErrors)
        {
            saveErrors = mapErrors;
            return;
        }
        saving = true;
        var result = await Requests.SaveEditAsync(ChangeRequestId, Original, Draft.ToMapping());
        saving = false;
        saveErrors = result.Errors;
        if (result.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(Draft.Id));
        }
    }
}
