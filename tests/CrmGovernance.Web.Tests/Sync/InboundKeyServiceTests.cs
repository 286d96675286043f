using System.Net;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Sync.Inbound;
using Microsoft.EntityFrameworkCore;
using static CrmGovernance.Web.Tests.Sync.InboundPortal;

namespace CrmGovernance.Web.Tests.Sync;

public sealed class InboundKeyServiceTests(InboundFixture fixture) : IClassFixture<InboundFixture>
{
    private readonly Hosting.PortalHost _host = fixture.Host;

    [Fact]
    public async Task Issuing_stores_only_the_hash_and_is_audited_with_the_hash_redacted()
    {
        var issued = await IssueAsync(_host, "Contact form on www");

        var stored = await QueryAsync(_host, db => db.InboundApiKeys.SingleAsync(k => k.Id == issued.Id));
        Assert.Equal(InboundKeyText.Hash(issued.Key), stored.Hash);
        Assert.Equal(issued.Key[..InboundKeyText.PrefixLength], stored.Prefix);
        Assert.Equal("web-tests", stored.CreatedBy);
        var audit = await AuditRowsAsync("Contact form on www");
        var insert = Assert.Single(audit, a => a.Action == AuditActions.Insert);
        Assert.Contains("\"***\"", insert.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.Hash, insert.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Key, insert.Changes, StringComparison.Ordinal);
        Assert.Equal("web-tests", insert.ActorName);
        Assert.Equal(issued.Id.ToString(), insert.EntityId);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_the_revocation_is_audited()
    {
        var issued = await IssueAsync(_host, "Soon revoked");
        using var client = _host.NewClient();
        using (var before = await PostAsync(client, issued.Key, Json("""{"email":"r@example.com"}""")))
        {
            Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        }

        var result = await AsAdminAsync(_host, s => s.RevokeAsync(issued.Id));

        Assert.True(result.Succeeded);
        using var after = await PostAsync(client, issued.Key, Json("""{"email":"r@example.com"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var update = Assert.Single(await AuditRowsAsync(issued.Id.ToString()), a => a.Action == AuditActions.Update);
        Assert.Contains("RevokedUtc", update.Changes, StringComparison.Ordinal);
        var row = (await AsAdminAsync(_host, s => s.ListAsync(0, 200))).Items.Single(k => k.Id == issued.Id);
        Assert.True(row.IsRevoked);
    }

    [Fact]
    public async Task A_key_is_issued_only_for_a_webhook_system_and_with_a_name()
    {
        var notWebhook = await AsAdminAsync(_host, s => s.IssueAsync("crm", "CRM push"));
        var unnamed = await AsAdminAsync(_host, s => s.IssueAsync("website", "  "));
        var systems = await AsAdminAsync(_host, s => s.WebhookSystemsAsync());

        Assert.False(notWebhook.Succeeded);
        Assert.Contains("not a webhook system", string.Join(" ", notWebhook.Outcome.Errors), StringComparison.Ordinal);
        Assert.False(unnamed.Succeeded);
        Assert.Equal(["website"], systems.Select(s => s.Key));
    }

    [Fact]
    public async Task Only_an_admin_may_manage_keys()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("u", "steward", [Core.Access.Roles.Steward], AuditSources.Ui);
        var keys = scope.ServiceProvider.GetRequiredService<InboundKeyService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => keys.IssueAsync("website", "sneaky"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => keys.ListAsync(0, 10));
    }

    /// <summary>Audit rows of inbound keys whose changes or entity id mention <paramref name="text"/>.</summary>
    private Task<List<AuditEntry>> AuditRowsAsync(string text) => QueryAsync(_host, async db =>
        (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "InboundApiKey").ToListAsync())
            .Where(a => a.EntityId == text || a.Changes.Contains(text, StringComparison.Ordinal)).ToList());
}
