using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;
using static CrmGovernance.Core.Tests.Features.Notifications.NotificationsFixture;

namespace CrmGovernance.Core.Tests.Features.Notifications;

public sealed class NotificationInboxTests
{
    [Fact]
    public async Task A_person_reads_and_marks_only_their_own_notifications()
    {
        await using var f = await StartAsync();
        var incident = await f.IncidentAsync("ann@example.com");
        await f.HandleAsync(1, Changed(incident, "High", "ann@example.com", "bob@example.com"));
        await f.HandleAsync(2, Changed(incident, "Low", "ann@example.com"));
        var bobs = (await f.NotificationsAsync()).Single(n => n.UserEmail == "bob@example.com").Id;

        await using var scope = f.Host.ScopeAs("ann@example.com", Roles.BusinessOwner);
        var inbox = scope.ServiceProvider.GetRequiredService<NotificationInbox>();
        Assert.Equal(2, await inbox.UnreadCountAsync());
        Assert.False(await inbox.MarkReadAsync(bobs));
        var (rows, total) = await inbox.ListAsync(0, 10);
        Assert.Equal(2, total);
        Assert.True(await inbox.MarkReadAsync(rows[0].Id));
        Assert.Equal(1, await inbox.UnreadCountAsync());
        Assert.Equal(1, await inbox.MarkAllReadAsync());
        Assert.Equal(0, await inbox.UnreadCountAsync());

        await using var bob = f.Host.ScopeAs("bob@example.com", Roles.Steward);
        Assert.Equal(1, await bob.ServiceProvider.GetRequiredService<NotificationInbox>().UnreadCountAsync());
    }

    [Fact]
    public async Task Someone_not_signed_in_has_no_notifications()
    {
        await using var f = await StartAsync();
        await using var scope = f.Host.Scope();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<NotificationInbox>().UnreadCountAsync());
    }
}
