using CrmGovernance.Core.Features.ChangeControl.Import;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CrmGovernance.Web.Features.Configuration;

public sealed partial class FlowPage
{
    private GovernanceConfiguration? configuration;
    private DataFlow? flow;
    private List<FieldMapping> mappings = [];
    private List<BusinessRule> rules = [];
    private IncidentPolicy? ownPolicy;
    private string? sample;
    private IReadOnlyList<string> recentSamples = [];

    [Parameter] public Guid Id { get; set; }
    [SupplyParameterFromQuery(Name = "cr")] private Guid? Cr { get; set; }
    [Inject] private GovernanceReader Reader { get; set; } = default!;
    [Inject] private ChangeRequestService Requests { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private MappingWorkbookService Workbooks { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private string SourceName => configuration?.FindSystem(flow!.SourceSystemId)?.Name ?? "?";
    private string TargetName => configuration?.FindSystem(flow!.TargetSystemId)?.Name ?? "?";

    private Guid loadedFlow;

    protected override Task OnParametersSetAsync()
    {
        if (loadedFlow != Id)
        {
            // The same page instance can be reused for another flow (back/forward): start its preview afresh.
            (loadedFlow, sample, recentSamples) = (Id, null, []);
        }
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        configuration = await Reader.ViewAsync(Cr);
        flow = configuration.FindFlow(Id);
        mappings = [.. configuration.Mappings.Where(m => m.FlowId == Id).OrderBy(m => m.Order)];
        rules = [.. configuration.Rules.Where(r => r.FlowId == Id).OrderBy(r => r.Order)];
        ownPolicy = configuration.IncidentPolicies.Find(p => p.FlowId == Id);
        // A sample with every source field, so the preview shows something from the start.
        sample ??= flow is null ? "" : string.Join("\n", configuration.FieldsOf(flow.SourceSystemId, flow.ObjectId).Select(f => f.Name + ": "));
    }

    private string SamplesKey => $"crmgov-samples-{Id}";

    private Guid samplesLoadedFor;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (samplesLoadedFor != Id)
        {
            samplesLoadedFor = Id;
            recentSamples = await JS.InvokeAsync<string[]>("crmSamples.list", SamplesKey);
            StateHasChanged();
        }
    }

    // Remembered when the user leaves the box, so half-typed samples are not kept.
    private async Task RememberSampleAsync() =>
        recentSamples = await JS.InvokeAsync<string[]>("crmSamples.remember", SamplesKey, sample ?? "");

    private void PickSample(string? value) => sample = value;

    private static string Abbreviate(string sample)
    {
        var oneLine = string.Join(" · ", sample.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length > 90 ? oneLine[..90] + "…" : oneLine;
    }

    private async Task EditAsync(FieldMapping? mapping)
    {
        if (Cr is not { } cr || flow is null || configuration is null)
        {
            return;
        }
        var draft = mapping is null
            ? new MappingDraft { FlowId = flow.Id, Order = mappings.Select(m => m.Order).DefaultIfEmpty(0).Max() + 1 }
            : MappingDraft.From(mapping);
        var parameters = new DialogParameters<MappingEditorDialog>
        {
            { d => d.Configuration, configuration }, { d => d.Flow, flow }, { d => d.Draft, draft },
            { d => d.ChangeRequestId, cr }, { d => d.Sample, sample ?? "" }, { d => d.Original, mapping },
        };
        var title = mapping is null ? "New mapping" : $"Mapping to {mapping.TargetField}";
        var dialog = await Dialogs.ShowAsync<MappingEditorDialog>(title, parameters, new DialogOptions { BackdropClick = false, MaxWidth = MaxWidth.Large, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Saved in the change request.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ExportWorkbookAsync()
    {
        try
        {
            var file = await Workbooks.ExportAsync(Id);
            await BrowserDownload.SaveAsync(JS, file.FileName, file.ContentType, file.Content);
        }
        catch (KeyNotFoundException)
        {
            Snackbar.Add("This flow is not published yet: its workbook can be exported once the change request that adds it is approved.", Severity.Info);
        }
    }

    private async Task ImportWorkbookAsync()
    {
        var parameters = new DialogParameters<WorkbookImportDialog> { { d => d.FlowId, Id } };
        var dialog = await Dialogs.ShowAsync<WorkbookImportDialog>("Import mapping workbook", parameters, new DialogOptions { BackdropClick = false, MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: Guid cr })
        {
            Navigation.NavigateTo($"change-requests/{cr}");
        }
    }

    private async Task DeleteFlowAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync("Delete flow", $"Remove {flow!.Name} with its {mappings.Count} mapping(s) and {rules.Count} rule(s) in this change request?",
                yesText: "Delete", cancelText: "Cancel") != true)
        {
            return;
        }
        var changes = mappings.Select(m => (ConfigurationItemKind.Mapping, m.Id, (IConfigurationItem?)null))
            .Concat(rules.Select(r => (ConfigurationItemKind.Rule, r.Id, (IConfigurationItem?)null)))
            // The flow's own incident policy goes with it: a policy for a missing flow would not validate.
            .Concat(ownPolicy is null ? [] : [(ConfigurationItemKind.IncidentPolicy, ownPolicy.Id, (IConfigurationItem?)null)])
            .Append((ConfigurationItemKind.Flow, flow.Id, null));
        var result = await Requests.FillDraftAsync(Cr!.Value, changes, withdrawOnFailure: false);
        if (result.Succeeded)
        {
            Snackbar.Add($"{flow.Name} is deleted in the change request.", Severity.Success);
            Navigation.NavigateTo($"flows?cr={Cr}");
        }
        else
        {
            Snackbar.Add(string.Join(" ", result.Errors), Severity.Error);
        }
    }

    private async Task EditFlowAsync()
    {
        var parameters = new DialogParameters<FlowEditorDialog> { { d => d.Configuration, configuration! }, { d => d.Flow, flow }, { d => d.ChangeRequestId, Cr!.Value } };
        await ShowAsync<FlowEditorDialog>($"Edit {flow!.Name}", parameters);
    }

    private async Task EditRuleAsync(BusinessRule? rule)
    {
        var parameters = new DialogParameters<RuleEditorDialog>
        {
            { d => d.Configuration, configuration! }, { d => d.Flow, flow! }, { d => d.Rule, rule }, { d => d.ChangeRequestId, Cr!.Value },
            { d => d.NextOrder, rules.Select(r => r.Order).DefaultIfEmpty(0).Max() + 1 },
        };
        await ShowAsync<RuleEditorDialog>(rule is null ? "New rule" : $"Rule: {rule.Name}", parameters);
    }

    private async Task DeleteRuleAsync(BusinessRule rule)
    {
        if (await Dialogs.ShowMessageBoxAsync("Delete rule", $"Remove the rule \"{rule.Name}\" in this change request?", yesText: "Delete", cancelText: "Cancel") == true)
        {
            var result = await Requests.DeleteItemAsync(Cr!.Value, ConfigurationItemKind.Rule, rule.Id);
            Snackbar.Add(result.Succeeded ? "Deleted in the change request." : string.Join(" ", result.Errors), result.Succeeded ? Severity.Success : Severity.Error);
            await LoadAsync();
        }
    }

    private async Task ShowAsync<TDialog>(string title, DialogParameters parameters)
        where TDialog : IComponent
    {
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { BackdropClick = false, MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Saved in the change request.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(FieldMapping mapping)
    {
        if (Cr is not { } cr || await Dialogs.ShowMessageBoxAsync("Delete mapping", $"Remove the mapping to {mapping.TargetField} in this change request?",
                yesText: "Delete", cancelText: "Cancel") != true)
        {
            return;
        }
        var result = await Requests.DeleteItemAsync(cr, ConfigurationItemKind.Mapping, mapping.Id);
        Snackbar.Add(result.Succeeded ? "Deleted in the change request." : string.Join(" ", result.Errors), result.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync();
    }
}
