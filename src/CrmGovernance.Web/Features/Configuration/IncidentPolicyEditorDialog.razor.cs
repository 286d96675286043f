using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Configuration;

public sealed partial class IncidentPolicyEditorDialog
{
    private IncidentPolicy policy = default!;
    private IReadOnlyList<string> saveErrors = [];

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private ChangeRequestService Requests { get; set; } = default!;

    /// <summary>The configuration as the change request has it.</summary>
    [Parameter, EditorRequired] public GovernanceConfiguration Configuration { get; set; } = default!;
    [Parameter, EditorRequired] public Guid ChangeRequestId { get; set; }
    /// <summary>The policy being edited; null: a new one, starting from the policy in force for <see cref="FlowId"/>.</summary>
    [Parameter] public IncidentPolicy? Original { get; set; }
    /// <summary>The flow a new policy overrides the default for; null: the default policy.</summary>
    [Parameter] public Guid? FlowId { get; set; }

    protected override void OnInitialized() =>
        policy = Original ?? Configuration.IncidentPolicyFor(FlowId) with { Id = Guid.CreateVersion7(), FlowId = FlowId };

    /// <summary>What the validator says about this policy inside the whole draft configuration.</summary>
    private IReadOnlyList<string> Problems =>
        [.. IncidentPolicyValidator.Validate(ConfigurationItems.With(Configuration, ConfigurationItemKind.IncidentPolicy, policy.Id, policy))
            .Where(i => i.ItemId == policy.Id).Select(i => i.Message)];

    private void Set(IncidentPolicySetting setting, double value) => policy = setting.Set(policy, value);

    private static int Clock(List<int> values, int index) => index < values.Count ? values[index] : 0;

    private void SetClock(bool acknowledge, int index, int value)
    {
        var values = (acknowledge ? policy.AcknowledgeMinutes : policy.ResolveHours).ToList();
        while (values.Count < IncidentPolicySetting.Severities.Count)
        {
            values.Add(0);
        }
        values[index] = value;
        policy = acknowledge ? policy with { AcknowledgeMinutes = values } : policy with { ResolveHours = values };
    }

    private async Task SaveAsync()
    {
        if (Problems.Count > 0)
        {
            return;
        }
        var result = await Requests.SaveEditAsync(ChangeRequestId, Original, policy);
        saveErrors = result.Errors;
        if (result.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(policy.Id));
        }
    }
}
