using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>The portal's background drain of the delivery outbox, every Notifications:PollSeconds.</summary>
internal sealed partial class NotificationDeliveryLoop(NotificationSender sender, IOptions<NotificationOptions> options, ILogger<NotificationDeliveryLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds));
        do
        {
            try
            {
                await sender.DrainAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy or unreachable database: the rows wait in the outbox for the next tick.
                LogDrainFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draining the notification outbox failed; trying again at the next tick")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);
}
