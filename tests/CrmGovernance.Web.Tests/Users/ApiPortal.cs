using System.Net.Http.Headers;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Users.AccessTokens;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Tests.Users;

/// <summary>Creates tokens as their owner would, seeds incidents as a trigger would, and calls the API with a bearer token.</summary>
public static class ApiPortal
{
    public static async Task<CreatedAccessToken> CreateTokenAsync(PortalHost host, string role = Roles.Manager, string name = "API test",
        string scope = AccessTokenScopes.IncidentsRead)
    {
        var account = DemoAccounts.All.First(a => a.Role == role);
        var userId = await QueryAsync(host, db => db.Users.Where(u => u.Email == account.Email).Select(u => u.Id).SingleAsync());
        await using var services = host.Services.CreateAsyncScope();
        services.ServiceProvider.GetRequiredService<ActorContext>().SetUser(userId, account.Email, [role], AuditSources.Ui);
        var result = await services.ServiceProvider.GetRequiredService<AccessTokenService>()
            .CreateAsync(name + " " + Guid.NewGuid().ToString("N")[..8], 30, scope);
        Assert.True(result.Succeeded, string.Join(" ", result.Outcome.Errors));
        return result.Created!;
    }

    public static Task ChangeTokenAsync(PortalHost host, Guid id, Func<IQueryable<AccessToken>, Task<int>> change) =>
        QueryAsync(host, db => change(db.Set<AccessToken>().Where(t => t.Id == id)));

    public static async Task<long> SeedIncidentAsync(PortalHost host, string title, IncidentSeverity severity = IncidentSeverity.High)
    {
        var recorder = host.Services.GetRequiredService<IncidentRecorder>();
        return await recorder.RecordAsync(new IncidentSignal(IncidentCause.Reported, title, "Seeded by the API tests.")
        {
            Severity = severity,
            ReportedBy = "manager@demo.crmgovernance.local",
        });
    }

    public static async Task<T> QueryAsync<T>(PortalHost host, Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.SendAsync(request);
    }
}
