using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Systems.Connectors.Outbound;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CrmGovernance.Core.Features.Notifications;

public static class NotificationsServices
{
    public static readonly TriggerKey DigestTrigger = new("notification-digest-daily", "notifications");

    /// <summary>
    /// Notifications: the subscriber that turns incident and owner events into in-app rows and queued deliveries, the
    /// outbox drain (a background loop in the portal), email (pickup folder or SMTP), signed webhooks, the daily digest,
    /// and the services of the bell, the preferences page and the webhooks admin page.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, CoreHost host)
    {
        services.AddOptions<NotificationOptions>().Bind(host.Configuration.GetSection(NotificationOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Email.Problems().Count == 0, "Notifications:Email:Host is required when Mode is Smtp.")
            .Validate(o => CronExpression.TryParse(o.DigestCron, out _), "Notifications:DigestCron is not a valid Quartz cron expression.")
            .Validate(o => o.Email.Mode != EmailMode.Pickup || NotificationPaths.IsInside(host.DataFolder, o.Email.PickupFolder),
                "Notifications:Email:PickupFolder must be a folder inside the data folder (the folder of Database:Path).")
            .ValidateOnStart();
        services.AddSingleton<NotificationPaths>();
        services.AddSingleton<EmailTransport>();
        services.AddSingleton<WebhookClient>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<NotificationSubscriber>();
        services.AddSingleton<IOperationsEventSubscriber>(sp => sp.GetRequiredService<NotificationSubscriber>());
        services.AddSingleton<NotificationDigest>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationPreferencesService>();
        services.AddScoped<NotificationWebhookService>();
        // Webhooks connect only where the connectors' outbound allowlist lets them, follow no redirect and use no proxy.
        services.AddHttpClient(WebhookClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, UseProxy = false, ConnectCallback = sp.GetRequiredService<OutboundPolicy>().ConnectAsync,
            })
            .ConfigureHttpClient((sp, client) => client.Timeout = TimeSpan.FromSeconds(
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>().Value.WebhookTimeoutSeconds));
        if (host.Role == HostRole.Portal && host.RunsWorker)
        {
            services.AddHostedService<NotificationDeliveryLoop>();
        }
        var cron = host.Configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>()?.DigestCron ?? new NotificationOptions().DigestCron;
        services.AddScheduledJob(Digest(cron));
        return services;
    }

    private static ScheduledJob Digest(string cron) => ScheduledJob.Cron<NotificationDigestJob>("owners' daily notification digest", NotificationDigestJob.Key,
        DigestTrigger, "Emails each owner a summary of their open incidents", cron);
}
