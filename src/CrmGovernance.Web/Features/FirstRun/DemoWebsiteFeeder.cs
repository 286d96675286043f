using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun.Demo;
using CrmGovernance.Core.Features.FirstRun;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Features.FirstRun;

/// <summary>
/// The live demo's website: once the portal listens, it posts the enquiries of <see cref="DemoEnquiries"/> to the inbound
/// endpoint, form-encoded as a browser sends them — the scripted first ones half a second apart, then one about every
/// Demo:WebsiteEverySeconds. Stops for good when the key is refused (an admin revoked it).
/// </summary>
internal sealed partial class DemoWebsiteFeeder(DemoWebsite website, IOptions<DemoOptions> demo, IHostApplicationLifetime lifetime,
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoWebsiteFeeder> logger) : BackgroundService
{
    private readonly Random _jitter = new(DemoPeople.Seed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!demo.Value.IsLive)
        {
            return;
        }
        try
        {
            await StartedAsync(stoppingToken);
            var n = await SentSoFarAsync(stoppingToken);
            LogStarting(logger, demo.Value.WebsiteEverySeconds, n);
            while (await SendAsync(n, stoppingToken))
            {
                n++;
                await Task.Delay(n < DemoEnquiries.ScriptedCount ? TimeSpan.FromMilliseconds(500) : Interval(), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The demo must never stop the portal (an exception leaving a background service stops the host).
            LogStopped(logger, e);
        }
    }

    /// <summary>Posts the n-th enquiry; false when the endpoint refused the key, so posting stops.</summary>
    private async Task<bool> SendAsync(int n, CancellationToken stoppingToken)
    {
        var kind = DemoEnquiries.KindOf(n);
        foreach (var fields in DemoEnquiries.Posts(n, clock.GetUtcNow().UtcDateTime))
        {
            try
            {
                var result = await website.PostAsync(fields, stoppingToken);
                if (result.Status == StatusCodes.Status401Unauthorized)
                {
                    LogRefused(logger, result.Problem);
                    return false;
                }
                LogPosted(logger, n, kind, result.Status, result.InboxId, result.Problem);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Whatever goes wrong with one post (the portal busy, the database locked), the demo must never stop the portal.
                LogFailed(logger, n, e.Message);
            }
        }
        return true;
    }

    private async Task StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    private async Task<int> SentSoFarAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await DemoEnquiries.SentSoFarAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>(), cancellationToken);
    }

    private TimeSpan Interval() => TimeSpan.FromSeconds(demo.Value.WebsiteEverySeconds * (0.7 + (0.6 * _jitter.NextDouble())));

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo website: posting an enquiry to the inbound endpoint about every {Seconds} s (from enquiry {Number})")]
    private static partial void LogStarting(ILogger logger, int seconds, int number);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo enquiry {Number} ({Kind}): {Status}, inbox id {InboxId} {Problem}")]
    private static partial void LogPosted(ILogger logger, int number, DemoEnquiryKind kind, int status, long? inboxId, string? problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo enquiry {Number} not sent: {Error}")]
    private static partial void LogFailed(ILogger logger, int number, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo website stopped")]
    private static partial void LogStopped(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inbound endpoint refused the demo website's key ({Problem}); the demo website stops. Delete data/demo/website-key.txt and restart to issue a new key.")]
    private static partial void LogRefused(ILogger logger, string? problem);
}
