using System.Net;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Notifications;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Notifications;

/// <summary>The bell in the app bar of the real portal, for a person with notifications and for one without.</summary>
public sealed class NotificationBellTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Password = "bell tower quiet lantern";

    [Fact]
    public async Task The_bell_shows_a_signed_in_persons_unread_count_and_only_theirs()
    {
        var host = fixture.Host;
        await PortalUsers.CreateAsync(host, "bell-ann@example.com", Password, Roles.BusinessOwner);
        await PortalUsers.CreateAsync(host, "bell-bob@example.com", Password, Roles.Steward);
        var subscriber = host.Services.GetRequiredService<NotificationSubscriber>();
        // High sequences of their own: the portal's dispatcher hands the subscriber the real outbox's events too.
        foreach (var sequence in new long[] { 9_000_001, 9_000_002 })
        {
            await subscriber.HandleAsync(new OperationsEventEnvelope(sequence, DateTime.UtcNow, "web-tests",
                new OwnerNotificationRequested(Guid.NewGuid(), "Shop orders → CRM", "bell-ann@example.com", "Big orders", null, 3, "o-1")), CancellationToken.None);
        }

        using var ann = await SignIn.AsAsync(host, "bell-ann@example.com", Password);
        var page = await ann.GetStringAsync("");
        Assert.Contains("data-unread=\"2\"", page, StringComparison.Ordinal);
        Assert.Contains("Notifications, 2 unread", page, StringComparison.Ordinal);

        using var bob = await SignIn.AsAsync(host, "bell-bob@example.com", Password);
        Assert.Contains("data-unread=\"0\"", await bob.GetStringAsync(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_signed_out_sees_no_bell()
    {
        using var client = fixture.Host.NewClient();
        var response = await client.GetAsync("Account/Login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("notification-bell", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
