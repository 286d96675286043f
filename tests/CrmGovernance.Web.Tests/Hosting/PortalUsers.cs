using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Users;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>Runs the admin service inside the host, as an admin would from the Users page.</summary>
public static class PortalUsers
{
    public static async Task<T> AsAdminAsync<T>(PortalHost host, Func<UserAdminService, Task<T>> command)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("web-tests", "web-tests", [Roles.Admin], AuditSources.Ui);
        return await command(scope.ServiceProvider.GetRequiredService<UserAdminService>());
    }

    public static async Task<string> CreateAsync(PortalHost host, string email, string password, params string[] roles)
    {
        var result = await AsAdminAsync(host, s => s.CreateAsync(new NewUser { Email = email, DisplayName = email, Password = password, Roles = [.. roles] }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var page = await AsAdminAsync(host, s => s.ListAsync(email, 0, 10));
        return page.Items.Single().Id;
    }
}
