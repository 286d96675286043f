using Quartz;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>The daily digest (Notifications:DigestCron, UTC): queues the owners' digests; the delivery loop sends them.</summary>
[DisallowConcurrentExecution]
public sealed class NotificationDigestJob(NotificationDigest digest) : IJob
{
    public static readonly JobKey Key = new("notification-digest", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await digest.QueueAsync(cancellationToken);
}
