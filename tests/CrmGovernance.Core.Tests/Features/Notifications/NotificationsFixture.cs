using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CrmGovernance.Core.Tests.Features.Notifications;

/// <summary>A <see cref="CoreTestHost"/> with the notifications' subscriber, sender and pickup folder at hand.</summary>
internal sealed class NotificationsFixture(CoreTestHost host) : IAsyncDisposable
{
    public CoreTestHost Host { get; } = host;
    public NotificationSubscriber Subscriber => Host.Singleton<NotificationSubscriber>();
    public string PickupFolder => Host.Singleton<NotificationPaths>().PickupFolder;

    public static async Task<NotificationsFixture> StartAsync(IDictionary<string, string?>? settings = null) =>
        new(await CoreTestHost.StartAsync(settings));

    /// <summary>An open incident owned by <paramref name="owner"/>, as the recorder would have written it.</summary>
    public async Task<long> IncidentAsync(string owner, string title = "Run of Shop orders → CRM failed", bool breached = false)
    {
        var now = Host.Clock.GetUtcNow().UtcDateTime;
        await using var scope = Host.Scope(a => a.SetSystem("incidents", null));
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var incident = new Incident
        {
            FoldKey = "RunFailed:" + Guid.NewGuid(), Cause = IncidentCause.RunFailed, Severity = IncidentSeverity.High, State = IncidentState.Open,
            Title = title, Detail = "The target refused the batch.", SubjectName = "flow Shop orders → CRM", Owner = owner,
            FirstSeenUtc = now, LastSeenUtc = now, OpenedUtc = now, AcknowledgeDueUtc = now.AddHours(1), ResolveDueUtc = now.AddHours(8),
            AcknowledgeBreached = breached,
        };
        db.Add(incident);
        await db.SaveChangesAsync();
        return incident.Id;
    }

    public Task HandleAsync(long sequence, OperationsEvent e) =>
        Subscriber.HandleAsync(new OperationsEventEnvelope(sequence, Host.Clock.GetUtcNow().UtcDateTime, "test", e), CancellationToken.None);

    public Task<int> DrainAsync() => Host.Singleton<NotificationSender>().DrainAsync(CancellationToken.None);

    /// <summary>The .eml files in the pickup folder, oldest first, read back with MimeKit.</summary>
    public List<MimeMessage> Emails() => !Directory.Exists(PickupFolder) ? []
        : [.. Directory.GetFiles(PickupFolder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    public async Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = Host.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<CrmDbContext>());
    }

    public Task<List<Notification>> NotificationsAsync() => QueryAsync(db => db.Set<Notification>().AsNoTracking().OrderBy(n => n.Id).ToListAsync());

    public Task<List<NotificationDelivery>> DeliveriesAsync() => QueryAsync(db => db.Set<NotificationDelivery>().AsNoTracking().OrderBy(d => d.Id).ToListAsync());

    public static IncidentChanged Changed(long incidentId, string severity, params string[] recipients) =>
        new(incidentId, IncidentChanges.Opened, severity, "Run of Shop orders → CRM failed", recipients, false, "The target refused the batch.");

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
