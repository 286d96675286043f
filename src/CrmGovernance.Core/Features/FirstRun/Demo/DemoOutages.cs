using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// Takes the demo's marketing database offline and back on the <see cref="DemoTimetable"/>: the file is moved aside, so
/// the flow writing to it really cannot connect (a run ends "system unavailable"), and moved back when the outage ends —
/// also at start (after a crash mid-outage) and at shutdown. The shop's pause is applied by <see cref="DemoSystemsFeeder"/>.
/// </summary>
internal sealed partial class DemoOutages(IOptions<DemoOptions> demo, DemoPaths paths, DemoTimetable timetable, TimeProvider clock, ILogger<DemoOutages> logger)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    private string Online => Path.Combine(paths.Folder, DemoDatabases.MarketingFile);
    private string Offline => Online + ".offline";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!demo.Value.IsLive || !demo.Value.Outages)
        {
            return;
        }
        Restore();
        try
        {
            while (true)
            {
                if (timetable.MarketingOffline(clock.GetUtcNow().UtcDateTime))
                {
                    TakeOffline();
                }
                else
                {
                    Restore();
                }
                await Task.Delay(Tick, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Restore();
    }

    private void TakeOffline()
    {
        if (File.Exists(Online) && !File.Exists(Offline) && Move(Online, Offline))
        {
            LogOffline(logger, demo.Value.MarketingOfflineSeconds);
        }
    }

    private void Restore()
    {
        if (File.Exists(Offline) && !File.Exists(Online) && Move(Offline, Online))
        {
            LogOnline(logger);
        }
    }

    private bool Move(string from, string to)
    {
        try
        {
            File.Move(from, to);
            return true;
        }
        catch (IOException e)
        {
            // Someone is handling the file by hand: try again on the next tick; the demo must never stop the portal.
            LogMoveFailed(logger, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo outage: the marketing system is offline for {Seconds} s (its database was moved aside); its flow will fail and open an incident.")]
    private static partial void LogOffline(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo outage over: the marketing system is back online.")]
    private static partial void LogOnline(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo outage: could not move the marketing database ({Reason}); trying again shortly.")]
    private static partial void LogMoveFailed(ILogger logger, string reason);
}
