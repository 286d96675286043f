using CrmGovernance.Core.Features.Sync.ErrorQueue;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CrmGovernance.Web.Tests.Security;

/// <summary>A form whose button calls a real service and, unlike the portal's pages, does not catch what it throws.</summary>
public sealed class RefusableForm : ComponentBase
{
    [Inject] private ErrorQueueService Queue { get; set; } = default!;

    /// <summary>Throws something that is not an expected condition instead.</summary>
    [Parameter] public bool Fault { get; set; }

    private string typed = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "input");
        builder.AddAttribute(1, "id", "reason");
        builder.AddAttribute(2, "value", typed);
        builder.AddAttribute(3, "onchange", EventCallback.Factory.CreateBinder<string?>(this, v => typed = v ?? "", typed));
        builder.CloseElement();
        builder.OpenElement(4, "button");
        builder.AddAttribute(5, "id", "discard");
        builder.AddAttribute(6, "onclick", EventCallback.Factory.Create(this, DiscardAsync));
        builder.CloseElement();
    }

    private async Task DiscardAsync()
    {
        if (Fault)
        {
            throw new FormatException("A fault, not a refusal.");
        }
        await Queue.DiscardAsync([1], typed);
    }
}
