using System.Diagnostics;
using System.Net;
using CrmGovernance.Core.Access;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Security;

public sealed class DisabledUserTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Password = "granite willow seventy harbor";

    [Fact]
    public async Task Disabling_a_user_ends_their_open_session_within_the_revalidation_interval()
    {
        var id = await PortalUsers.CreateAsync(fixture.Host, "soon.disabled@example.com", Password, Roles.Manager);
        using var client = await SignIn.AsAsync(fixture.Host, "soon.disabled@example.com", Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("")).StatusCode);

        Assert.True((await PortalUsers.AsAdminAsync(fixture.Host, s => s.SetDisabledAsync(id, true))).Succeeded);

        // The test host revalidates every 5 seconds; the cookie must be refused well within a minute.
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        do
        {
            await Task.Delay(1000);
            response = await client.GetAsync("");
        }
        while (response.StatusCode == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_is_told_why()
    {
        var id = await PortalUsers.CreateAsync(fixture.Host, "disabled.early@example.com", Password, Roles.Steward);
        Assert.True((await PortalUsers.AsAdminAsync(fixture.Host, s => s.SetDisabledAsync(id, true))).Succeeded);

        using var client = fixture.Host.NewClient();
        using var response = await SignIn.PostLoginAsync(client, "disabled.early@example.com", Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This account is disabled", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
