using CrmGovernance.Core.Features.Notifications;
using static CrmGovernance.Core.Tests.Features.Notifications.NotificationsFixture;

namespace CrmGovernance.Core.Tests.Features.Notifications;

public sealed class NotificationDigestTests
{
    [Fact]
    public async Task Each_owner_gets_one_digest_a_day_listing_their_open_incidents()
    {
        await using var f = await StartAsync();
        await f.IncidentAsync("ann@example.com", "Run of Shop orders → CRM failed");
        await f.IncidentAsync("ann@example.com", "Error queue of Leads growing", breached: true);
        await f.IncidentAsync("bob@example.com", "Marketing unavailable");
        var digest = f.Host.Singleton<NotificationDigest>();

        Assert.Equal(2, await digest.QueueAsync(CancellationToken.None));
        Assert.Equal(0, await digest.QueueAsync(CancellationToken.None));
        await f.DrainAsync();

        var ann = Assert.Single(f.Emails(), e => e.To.Mailboxes.Single().Address == "ann@example.com");
        Assert.Equal("Your open incidents on 2026-03-02: 2", ann.Subject);
        Assert.Contains("You own 2 open incidents, 1 past a clock.", ann.TextBody, StringComparison.Ordinal);
        Assert.Contains("Error queue of Leads growing (past its clock)", ann.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, f.Emails().Count);

        f.Host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, await digest.QueueAsync(CancellationToken.None));
    }
}
