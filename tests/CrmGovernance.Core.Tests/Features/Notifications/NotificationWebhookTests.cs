using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;
using static CrmGovernance.Core.Tests.Features.Notifications.NotificationsFixture;

namespace CrmGovernance.Core.Tests.Features.Notifications;

public sealed class NotificationWebhookTests
{
    private const string Secret = "a-long-shared-webhook-secret";
    private static readonly Dictionary<string, string?> AllowLoopback = new() { ["Connectors:Outbound:AllowedHosts:0"] = "127.0.0.1" };

    [Fact]
    public async Task A_webhook_call_carries_a_signature_the_receiver_can_verify()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var f = await StartAsync(AllowLoopback);
        await CreateAsync(f, receiver.Url);
        var incident = await f.IncidentAsync("ann@example.com");

        await f.HandleAsync(1, Changed(incident, "High", "ann@example.com"));
        await f.DrainAsync();

        var call = Assert.Single(receiver.Calls);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(call.Timestamp + "." + call.Body)));
        Assert.Equal(expected, call.Signature);
        Assert.Equal(f.Host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), call.Timestamp);
        using var json = JsonDocument.Parse(call.Body);
        Assert.Equal((incident, "opened", "High", $"/incidents/{incident}"),
            (json.RootElement.GetProperty("incidentId").GetInt64(), json.RootElement.GetProperty("change").GetString(),
             json.RootElement.GetProperty("severity").GetString(), json.RootElement.GetProperty("link").GetString()));
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_later_and_then_delivered_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst = 1;
        await using var f = await StartAsync(AllowLoopback);
        await CreateAsync(f, receiver.Url);
        var incident = await f.IncidentAsync("ann@example.com");

        await f.HandleAsync(1, Changed(incident, "Critical"));
        await f.DrainAsync();
        var failed = Assert.Single(await f.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Pending, 1), (failed.Status, failed.Attempts));
        Assert.Contains("500", failed.LastError, StringComparison.Ordinal);

        await f.DrainAsync();
        Assert.Single(receiver.Calls);

        f.Host.Clock.Advance(TimeSpan.FromSeconds(31));
        await f.DrainAsync();
        await f.DrainAsync();
        Assert.Equal(2, receiver.Calls.Count);
        var sent = Assert.Single(await f.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Sent, 2), (sent.Status, sent.Attempts));
    }

    [Fact]
    public async Task Only_an_admin_manages_webhooks_and_only_to_allowed_addresses()
    {
        await using var f = await StartAsync(AllowLoopback);
        await using (var scope = f.Host.ScopeAs("sam@example.com", Roles.Steward, Roles.BusinessOwner))
        {
            var webhooks = scope.ServiceProvider.GetRequiredService<NotificationWebhookService>();
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => webhooks.ListAsync());
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => webhooks.CreateAsync("Ops", "http://127.0.0.1:9/x", [IncidentSeverity.High], Secret));
        }
        await using (var scope = f.Host.ScopeAs("ada@example.com", Roles.Admin))
        {
            var (id, problem) = await scope.ServiceProvider.GetRequiredService<NotificationWebhookService>()
                .CreateAsync("Ops", "https://10.1.2.3/hook", [IncidentSeverity.High], Secret);
            Assert.Null(id);
            Assert.Contains("private address", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Creating_and_disabling_a_webhook_is_audited_without_its_secret()
    {
        await using var f = await StartAsync(AllowLoopback);
        var id = await CreateAsync(f, "http://127.0.0.1:9/hook");
        await using (var scope = f.Host.ScopeAs("ada@example.com", Roles.Admin))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<NotificationWebhookService>().SetEnabledAsync(id, false));
        }

        var rows = (await f.Host.AuditRowsAsync()).Where(r => r.EntityType == "Notification webhook").ToList();
        Assert.Equal([AuditActions.Insert, AuditActions.Update], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal("ada@example.com", r.ActorName));
        Assert.All(rows, r => Assert.DoesNotContain("ProtectedSecret", r.Changes, StringComparison.Ordinal));
    }

    private static async Task<Guid> CreateAsync(NotificationsFixture f, string url)
    {
        await using var scope = f.Host.ScopeAs("ada@example.com", Roles.Admin);
        var (id, problem) = await scope.ServiceProvider.GetRequiredService<NotificationWebhookService>()
            .CreateAsync("Operations channel", url, [IncidentSeverity.Critical, IncidentSeverity.High], Secret);
        Assert.Null(problem);
        return id!.Value;
    }
}
