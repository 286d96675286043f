using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// Start-up work of a background service (recovering what a stopped process left, a periodic sweep) that must not end
/// the portal when the database is briefly busy: a hosted service whose work throws stops the whole host. The work is
/// tried again after a pause until it succeeds or the portal stops.
/// </summary>
public static partial class StartupRetry
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    public static async Task<T> UntilDoneAsync<T>(Func<CancellationToken, Task<T>> work, ILogger logger, string what, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await work(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogRetry(logger, what, e);
                await Task.Delay(Pause, stoppingToken);
            }
        }
    }

    public static Task UntilDoneAsync(Func<CancellationToken, Task> work, ILogger logger, string what, CancellationToken stoppingToken) =>
        UntilDoneAsync(async ct => { await work(ct); return true; }, logger, what, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What} failed; trying again shortly")]
    private static partial void LogRetry(ILogger logger, string what, Exception exception);
}
