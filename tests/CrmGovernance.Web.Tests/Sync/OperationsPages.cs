using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using MudBlazor;

namespace CrmGovernance.Web.Tests.Sync;

/// <summary>
/// bUnit on top of the real portal: pages get the host's own services (database, published configuration, runner)
/// through a scope acting as a user of one role (a steward unless a test says otherwise); rows are written straight into the host's database, as the engine writes them.
/// </summary>
internal sealed class OperationsPages : IAsyncDisposable
{
    private readonly PortalHost _host;
    private readonly AsyncServiceScope _scope;

    // The pages load from a real database, which on a busy machine or on PostgreSQL can take longer than bUnit's default
    // second; a WaitFor returns as soon as its assertion holds, so a longer limit costs nothing when all is well.
    static OperationsPages() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    public OperationsPages(PortalHost host, string role = Roles.Steward, string? name = null)
    {
        _host = host;
        _scope = host.Services.CreateAsyncScope();
        var userId = "id-" + (name ?? role);
        name ??= role.ToLowerInvariant() + "@example.com";
        _scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser(userId, name, [role], AuditSources.Ui);
        Context = new BunitContext();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        Context.SetRendererInfo(new RendererInfo("Server", true));
        Popovers = Context.Render<MudPopoverProvider>();
        Dialogs = Context.Render<MudDialogProvider>();
        Snackbars = Context.Render<MudSnackbarProvider>();
    }

    public BunitContext Context { get; }

    /// <summary>Where menus and other popovers the pages open are rendered.</summary>
    public IRenderedComponent<MudPopoverProvider> Popovers { get; }

    /// <summary>Where the pages' snackbars are shown.</summary>
    public IRenderedComponent<MudSnackbarProvider> Snackbars { get; }

    /// <summary>Where dialogs the pages open are rendered.</summary>
    public IRenderedComponent<MudDialogProvider> Dialogs { get; }

    public async Task<long> AddRunAsync(SyncRun run, params RecordOutcome[] outcomes)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync();
        foreach (var outcome in outcomes)
        {
            outcome.RunId = run.Id;
            outcome.AtUtc = run.StartedUtc;
        }
        db.RecordOutcomes.AddRange(outcomes);
        await db.SaveChangesAsync();
        return run.Id;
    }

    public async Task UpdateRunAsync(long id, Action<SyncRun> change)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var run = await db.SyncRuns.SingleAsync(r => r.Id == id);
        change(run);
        // With its operations event in the same save, as the engine records a batch or the end of a run.
        db.Raise(run.Status == SyncRunStatus.Running ? new RunProgressed(run.Id, run.FlowId, run.Read)
            : new RunFinished(run.Id, run.FlowId, run.Status.ToString(), run.DryRun, run.Read, run.Created, run.Updated, run.Queued, run.Rejected, run.Failed), DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    public async Task<long> AddErrorAsync(ErrorQueueItem item)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.ErrorQueueItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    public static SyncRun Run(SyncRunStatus status = SyncRunStatus.Succeeded, bool dryRun = false) => new()
    {
        FlowId = Guid.NewGuid(),
        FlowName = "Web form to CRM contacts",
        ConfigurationVersion = 3,
        DryRun = dryRun,
        Trigger = SyncTrigger.Manual,
        StartedBy = "owner@example.com",
        Status = status,
        StartedUtc = DateTime.UtcNow.AddMinutes(-2),
        HeartbeatUtc = DateTime.UtcNow,
        FinishedUtc = status == SyncRunStatus.Running ? null : DateTime.UtcNow.AddMinutes(-1),
    };

    public NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
