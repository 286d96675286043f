using System.Net;

namespace CrmGovernance.Web.Tests.Hosting;

public sealed class FirstRunTests
{
    [Fact]
    public async Task Without_the_demo_the_setup_page_creates_the_first_admin_once_and_then_closes()
    {
        using var host = new PortalHost(demo: false);
        using var client = host.NewClient();
        Assert.Contains("Create administrator", await client.GetStringAsync("setup"), StringComparison.Ordinal);

        using var weak = await Forms.PostAsync(client, "setup", "setup", Fields("first.admin@example.com", "password1234"));
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("too easy to guess", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var created = await Forms.PostAsync(client, "setup", "setup", Fields("first.admin@example.com", "quartz meadow lantern fifty"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        Assert.Contains("Setup is closed", await client.GetStringAsync("setup"), StringComparison.Ordinal);
        using var admin = await SignIn.AsAsync(host, "first.admin@example.com", "quartz meadow lantern fifty");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("admin/users")).StatusCode);
    }

    [Fact]
    public async Task With_the_demo_off_the_sign_in_page_shows_no_demo_accounts()
    {
        using var host = new PortalHost(demo: false);
        using var client = host.NewClient();
        Assert.DoesNotContain("Demo accounts", await client.GetStringAsync("Account/Login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_demo_the_first_admin_can_come_from_configuration_and_an_environment_variable()
    {
        var variable = "CRMGOV_TEST_ADMIN_PASSWORD_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "copper harbor violin eighty");
        try
        {
            using var host = new PortalHost(demo: false, new Dictionary<string, string>
            {
                ["Bootstrap:AdminEmail"] = "configured.admin@example.com",
                ["Bootstrap:AdminPasswordVariable"] = variable,
            });
            using var admin = await SignIn.AsAsync(host, "configured.admin@example.com", "copper harbor violin eighty");
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("admin/users")).StatusCode);
            Assert.Contains("Setup is closed", await host.NewClient().GetStringAsync("setup"), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private static Dictionary<string, string> Fields(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = "First Admin",
        ["Input.Password"] = password,
    };
}
