using Quartz;

namespace CrmGovernance.Core.Features.Insights.Digest;

/// <summary>The managers' weekly digest (Insights:Digest:Cron, UTC): queues it; the notification delivery loop sends it.</summary>
[DisallowConcurrentExecution]
public sealed class InsightsDigestJob(WeeklyDigest digest) : IJob
{
    public static readonly JobKey Key = new("insights-digest", "insights");
    public static readonly TriggerKey Trigger = new("insights-digest-weekly", "insights");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await digest.QueueAsync(cancellationToken);
}
