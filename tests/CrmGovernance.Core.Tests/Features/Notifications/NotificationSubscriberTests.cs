using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Notifications;
using CrmGovernance.Core.Features.Users;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static CrmGovernance.Core.Tests.Features.Notifications.NotificationsFixture;

namespace CrmGovernance.Core.Tests.Features.Notifications;

public sealed class NotificationSubscriberTests
{
    [Fact]
    public async Task An_incident_change_gives_each_recipient_a_notification_and_emails_the_owner()
    {
        await using var f = await StartAsync();
        var incident = await f.IncidentAsync("ann@example.com");

        await f.HandleAsync(1, Changed(incident, "High", "Ann@Example.com", "bob@example.com"));
        Assert.Equal(2, await f.DrainAsync());

        var notifications = await f.NotificationsAsync();
        Assert.Equal(["ann@example.com", "bob@example.com"], notifications.Select(n => n.UserEmail));
        Assert.All(notifications, n => Assert.Equal((incident, IncidentSeverity.High, $"/incidents/{incident}", (DateTime?)null), (n.IncidentId!.Value, n.Severity, n.LinkPath, n.ReadUtc)));
        var emails = f.Emails();
        Assert.Equal(["ann@example.com", "bob@example.com"], emails.Select(e => e.To.Mailboxes.Single().Address).Order());
        var ann = emails.Single(e => e.To.Mailboxes.Single().Address == "ann@example.com");
        Assert.Contains($"Incident #{incident} opened", ann.Subject, StringComparison.Ordinal);
        Assert.Contains($"/incidents/{incident}", ann.TextBody, StringComparison.Ordinal);
        var timeline = await f.QueryAsync(db => db.Set<IncidentEntry>().Where(e => e.IncidentId == incident && e.Kind == IncidentEntryKind.Notification)
            .Select(e => e.Text).ToListAsync());
        Assert.Contains("Notified ann@example.com in the portal and by email.", timeline);
        Assert.Equal(2, timeline.Count);
    }

    [Fact]
    public async Task The_same_event_delivered_again_sends_nothing_twice()
    {
        await using var f = await StartAsync();
        var incident = await f.IncidentAsync("ann@example.com");

        await f.HandleAsync(7, Changed(incident, "High", "ann@example.com"));
        await f.DrainAsync();
        await f.HandleAsync(7, Changed(incident, "High", "ann@example.com"));
        await f.DrainAsync();

        Assert.Single(await f.NotificationsAsync());
        Assert.Single(f.Emails());
        var delivery = Assert.Single(await f.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Sent, 1), (delivery.Status, delivery.Attempts));
    }

    [Fact]
    public async Task An_ownership_gap_reaches_the_active_admins_and_nobody_else()
    {
        await using var f = await StartAsync();
        await f.Host.CreateUserAsync("ada@example.com", Roles.Admin);
        await f.Host.CreateUserAsync("gone@example.com", Roles.Admin);
        await f.Host.CreateUserAsync("sam@example.com", Roles.Steward, Roles.BusinessOwner);
        await f.QueryAsync(db => db.Set<ApplicationUser>().Where(u => u.Email == "gone@example.com").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        var incident = await f.IncidentAsync("");

        await f.HandleAsync(3, Changed(incident, "Critical") with { Change = "ownership gap", ToAdmins = true });
        await f.DrainAsync();

        Assert.Equal(["ada@example.com"], (await f.NotificationsAsync()).Select(n => n.UserEmail));
        Assert.Equal(["ada@example.com"], f.Emails().Select(e => e.To.Mailboxes.Single().Address));
    }

    [Fact]
    public async Task Quiet_hours_hold_a_medium_email_until_they_end_and_let_a_critical_through()
    {
        await using var f = await StartAsync();
        await f.Host.CreateUserAsync("ann@example.com", Roles.BusinessOwner);
        // 09:30 UTC is 11:30 at +02:00, inside Ann's quiet hours of 11:00 to 12:00.
        await using (var scope = f.Host.ScopeAs("ann@example.com", Roles.BusinessOwner))
        {
            var problem = await Service<NotificationPreferencesService>(scope).SaveAsync(
                [IncidentSeverity.Critical, IncidentSeverity.High, IncidentSeverity.Medium, IncidentSeverity.Low], true,
                [IncidentSeverity.Critical, IncidentSeverity.High, IncidentSeverity.Medium], true, new TimeOnly(11, 0), new TimeOnly(12, 0), "+02:00");
            Assert.Null(problem);
        }
        var medium = await f.IncidentAsync("ann@example.com", "Error queue growing");
        var critical = await f.IncidentAsync("ann@example.com", "Audit chain broken");

        await f.HandleAsync(1, Changed(medium, "Medium", "ann@example.com"));
        await f.HandleAsync(2, Changed(critical, "Critical", "ann@example.com"));
        await f.DrainAsync();

        Assert.Equal(2, (await f.NotificationsAsync()).Count);
        Assert.Equal(["[Critical]"], f.Emails().Select(e => (e.Subject ?? "").Split(' ')[0]));

        f.Host.Clock.Advance(TimeSpan.FromMinutes(31));
        await f.DrainAsync();
        Assert.Equal(["[Critical]", "[Medium]"], f.Emails().Select(e => (e.Subject ?? "").Split(' ')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Low_severity_stays_in_the_portal_by_default()
    {
        await using var f = await StartAsync();
        var incident = await f.IncidentAsync("ann@example.com");

        await f.HandleAsync(1, Changed(incident, "Low", "ann@example.com"));
        await f.DrainAsync();

        Assert.Single(await f.NotificationsAsync());
        Assert.Empty(f.Emails());
    }

    private static T Service<T>(Microsoft.Extensions.DependencyInjection.AsyncServiceScope scope) where T : notnull =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(scope.ServiceProvider);
}
