using CrmGovernance.Core.Features.Sync.Engine;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CrmGovernance.Web.Components.Layout;

/// <summary>
/// Around every page: an expected condition that escapes a page's own handling (a refusal, a conflict, a validation
/// message, something not found, thrown by the portal's own code) becomes a snackbar with its message and the page is
/// shown again (Blazor discards the failing subtree, so pages catch what they expect themselves to keep what was typed).
/// Anything else shows a notice on the page and is logged; the circuit lives on and the next navigation clears it.
/// </summary>
public sealed partial class PageErrorBoundary : ErrorBoundaryBase
{
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<PageErrorBoundary> Logger { get; set; } = default!;

    /// <summary>Whether the exception is a condition the user can act on, worded by the portal, rather than a fault.</summary>
    public static bool IsExpected(Exception exception) =>
        exception is UnauthorizedAccessException or ArgumentException or KeyNotFoundException or InvalidOperationException
            or DbUpdateConcurrencyException or FlowBusyException
        && exception.TargetSite?.DeclaringType?.Assembly is { } thrower
        && (thrower == typeof(FlowBusyException).Assembly || thrower == typeof(PageErrorBoundary).Assembly);

    protected override void OnParametersSet() => Recover();

    protected override Task OnErrorAsync(Exception exception)
    {
        if (IsExpected(exception))
        {
            LogExpected(Logger, exception.GetType().Name, exception.Message);
            Snackbar.Add(exception.Message, Severity.Error);
            // After the base class has recorded the error: clears it (and its count) so the page carries on.
            _ = InvokeAsync(Recover);
        }
        else
        {
            LogFault(Logger, exception);
        }
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null || IsExpected(CurrentException))
        {
            builder.AddContent(0, ChildContent);
            return;
        }
        builder.OpenComponent<MudAlert>(1);
        builder.AddComponentParameter(2, nameof(MudAlert.Severity), Severity.Error);
        builder.AddComponentParameter(3, "id", "page-error");
        builder.AddComponentParameter(4, nameof(MudAlert.ChildContent), (RenderFragment)(b =>
            b.AddContent(5, "Something went wrong on this page and it was logged. What you saved before is safe; open another page or reload this one to carry on.")));
        builder.CloseComponent();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A page action was refused or could not be done ({Kind}): {Reason}")]
    private static partial void LogExpected(ILogger logger, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A page failed; the circuit goes on")]
    private static partial void LogFault(ILogger logger, Exception exception);
}
