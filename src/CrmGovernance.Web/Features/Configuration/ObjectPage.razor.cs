using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Configuration;

public sealed partial class ObjectPage
{
    private GovernanceConfiguration? configuration;
    private BusinessObject? obj;
    private SourceOfTruth? sot;
    private MatchRule? matchRule;
    private bool hasDefaultMatchRule;

    [Parameter] public Guid Id { get; set; }
    [SupplyParameterFromQuery(Name = "cr")] private Guid? Cr { get; set; }
    [Inject] private GovernanceReader Reader { get; set; } = default!;
    [Inject] private ChangeRequestService Requests { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        configuration = await Reader.ViewAsync(Cr);
        obj = configuration.FindObject(Id);
        sot = configuration.SourcesOfTruth.FirstOrDefault(s => s.ObjectId == Id);
        matchRule = configuration.MatchRuleOf(Id);
        hasDefaultMatchRule = obj is not null && DefaultMatchRules.For(obj.Key, Guid.Empty, obj.Id) is not null;
    }

    private string SystemName(Guid id) => configuration?.FindSystem(id)?.Name ?? "(missing system)";

    private async Task EditSourceOfTruthAsync()
    {
        var parameters = new DialogParameters<SourceOfTruthEditorDialog>
        {
            { d => d.Configuration, configuration! }, { d => d.Object, obj! }, { d => d.Current, sot }, { d => d.ChangeRequestId, Cr!.Value },
        };
        await ShowAsync<SourceOfTruthEditorDialog>($"Source of truth: {obj!.Name}", parameters, MaxWidth.Medium);
    }

    /// <param name="template">What a new rule starts from; null: the object's current rule, or a blank one.</param>
    private Task EditMatchRuleAsync(MatchRule? template) =>
        ShowAsync<MatchRuleEditorDialog>($"Match rule: {obj!.Name}", new DialogParameters<MatchRuleEditorDialog>
        {
            { d => d.Configuration, configuration! }, { d => d.BusinessObject, obj! }, { d => d.Current, matchRule }, { d => d.Template, template },
            { d => d.ChangeRequestId, Cr!.Value },
        }, MaxWidth.Large);

    // Opened in the editor rather than saved at once, so the field names can be set for this object's catalogs first.
    private Task UseDefaultMatchRuleAsync() =>
        EditMatchRuleAsync(DefaultMatchRules.For(obj!.Key, Guid.CreateVersion7(), obj.Id));

    private async Task RemoveMatchRuleAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync("Remove match rule", $"Remove the match rule of {obj!.Name} in this change request? Once published, flows " +
                "recognise existing records by their exact match keys only, and no new pairs reach the review queue.", yesText: "Remove", cancelText: "Cancel") == true)
        {
            var result = await Requests.DeleteItemAsync(Cr!.Value, ConfigurationItemKind.MatchRule, matchRule!.Id);
            Snackbar.Add(result.Succeeded ? "Removed in the change request." : string.Join(" ", result.Errors), result.Succeeded ? Severity.Success : Severity.Error);
            await LoadAsync();
        }
    }

    private Task EditFieldAsync(ConnectedSystem system, FieldDefinition? field) =>
        ShowAsync<FieldEditorDialog>(field is null ? $"Add a {system.Name} field" : $"Edit {system.Name}.{field.Name}",
            new DialogParameters<FieldEditorDialog>
            {
                { d => d.Configuration, configuration! }, { d => d.SystemId, system.Id }, { d => d.ObjectId, obj!.Id },
                { d => d.Field, field }, { d => d.ChangeRequestId, Cr!.Value },
            }, MaxWidth.Small);

    private Task ImportAsync(ConnectedSystem system) =>
        ShowAsync<FieldImportDialog>($"Import {system.Name} fields for {obj!.Name}", new DialogParameters<FieldImportDialog>
        {
            { d => d.Configuration, configuration! }, { d => d.SystemId, system.Id }, { d => d.ObjectId, obj!.Id }, { d => d.ChangeRequestId, Cr!.Value },
        }, MaxWidth.Medium);

    private async Task DeleteFieldAsync(FieldDefinition field)
    {
        if (await Dialogs.ShowMessageBoxAsync("Delete field", $"Remove {field.Name} from the catalog in this change request? Mappings that use it will fail validation.",
                yesText: "Delete", cancelText: "Cancel") == true)
        {
            var result = await Requests.DeleteItemAsync(Cr!.Value, ConfigurationItemKind.Field, field.Id);
            Snackbar.Add(result.Succeeded ? "Deleted in the change request." : string.Join(" ", result.Errors), result.Succeeded ? Severity.Success : Severity.Error);
            await LoadAsync();
        }
    }

    private async Task ShowAsync<TDialog>(string title, DialogParameters parameters, MaxWidth width)
        where TDialog : IComponent
    {
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { BackdropClick = false, MaxWidth = width, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Saved in the change request.", Severity.Success);
            await LoadAsync();
        }
    }
}
