using System.Net;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Web.Tests.Hosting;

public sealed class SignInTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_sign_in_page_shows_the_demo_accounts_when_the_demo_is_on()
    {
        using var client = fixture.Host.NewClient();
        var page = await client.GetStringAsync("Account/Login");
        Assert.Contains("Demo accounts", page, StringComparison.Ordinal);
        foreach (var account in DemoAccounts.All)
        {
            Assert.Contains(account.Email, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_audited_as_a_failed_sign_in()
    {
        var auditor = DemoAccounts.All.Single(a => a.Role == Roles.Auditor);
        using var client = fixture.Host.NewClient();
        using var response = await SignIn.PostLoginAsync(client, auditor.Email, "not the right password at all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("email or password is not correct", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var scope = fixture.Host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("test", "test", [Roles.Auditor], AuditSources.Ui);
        var rows = await scope.ServiceProvider.GetRequiredService<AuditLogService>()
            .QueryAsync(new AuditLogFilter(Action: AuditActions.SignInFailed, Actor: auditor.Email), 0, 10);
        Assert.NotEmpty(rows.Items);
    }
}
