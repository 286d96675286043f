using System.Net.Http.Headers;
using System.Text;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Sync.Inbound;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Tests.Sync;

/// <summary>Issues keys as an admin would, sends to the endpoint and reads what the portal stored.</summary>
public static class InboundPortal
{
    public const string Contacts = "api/inbound/website/contact";

    public static async Task<T> AsAdminAsync<T>(PortalHost host, Func<InboundKeyService, Task<T>> command)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("web-tests", "web-tests", [Roles.Admin], AuditSources.Ui);
        return await command(scope.ServiceProvider.GetRequiredService<InboundKeyService>());
    }

    public static async Task<IssuedInboundKey> IssueAsync(PortalHost host, string name, string system = "website")
    {
        var result = await AsAdminAsync(host, s => s.IssueAsync(system, name));
        Assert.True(result.Succeeded, string.Join(" ", result.Outcome.Errors));
        return result.Issued!;
    }

    public static async Task<T> QueryAsync<T>(PortalHost host, Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public static Task<(int Inbox, int Errors)> CountsAsync(PortalHost host) =>
        QueryAsync(host, async db => (await db.InboxItems.CountAsync(), await db.ErrorQueueItems.CountAsync()));

    public static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    public static HttpContent Form(params (string Name, string Value)[] fields) =>
        new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public static HttpContent Raw(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return content;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, HttpContent content, string path = Contacts, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-Api-Key", key);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await client.SendAsync(request);
    }

    public static HttpRequestMessage WithBearer(HttpRequestMessage request, string key)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }
}
