using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Audit.Export.Jobs;

/// <summary>
/// The background queue of audit exports: one at a time (a large export keeps a core and the disk busy), in request
/// order. Runs in the process that runs the worker (<see cref="SyncOptions.Worker"/>), like the duplicate scans: at start
/// it fails exports a stopped process left running (this node's or a dead node's, <see cref="RunningWork"/>) and takes up
/// those still queued, then every few seconds those queued by other processes (<see cref="QueuedWorkPoll"/>); every half
/// minute it fails those whose node died; every hour it deletes files past their retention. Singleton and hosted service.
/// </summary>
public sealed class AuditExportRunner(IServiceScopeFactory scopes, IOptions<SyncOptions> options, AuditExportRetention retention, RunningWork running,
    ILogger<AuditExportRunner> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(1);

    private readonly JobQueue<Guid> _queue = new();

    /// <summary>Whether this process runs exports; when not, requested exports wait for the process that does.</summary>
    public bool IsWorker => options.Value.Worker;

    internal void Enqueue(Guid exportId) => _queue.Enqueue(exportId);

    /// <summary>Stops the export if this process is running it; true when it was.</summary>
    public bool Cancel(Guid exportId) => _queue.Cancel(exportId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsWorker)
        {
            return;
        }
        await Task.Yield();
        // A busy database at start must not end the portal (a hosted service that throws stops the host): try again.
        foreach (var id in await StartupRetry.UntilDoneAsync(retention.RecoverAsync, logger, "Recovering audit exports", stoppingToken))
        {
            _queue.Enqueue(id);
        }
        var sweeping = SweepAsync(stoppingToken);
        var polling = QueuedWorkPoll.RunAsync(_queue, retention.QueuedAsync, logger, "audit exports", stoppingToken);
        var watching = running.WatchAsync(ct => retention.FailCutOffAsync(atStart: false, ct), logger, "audit exports", stoppingToken);
        try
        {
            await _queue.RunAsync(async (exportId, cancel) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditExportExecutor>().RunAsync(exportId, cancel, stoppingToken);
            }, stoppingToken);
        }
        finally
        {
            await sweeping;
            await polling;
            await watching;
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RetentionInterval);
        try
        {
            do
            {
                await StartupRetry.UntilDoneAsync(retention.DeleteExpiredAsync, logger, "Deleting expired audit exports", stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // The process is stopping; the next start sweeps again.
        }
    }
}
