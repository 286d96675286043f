using System.Security.Claims;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace CrmGovernance.Web.Tests.Security;

/// <summary>An open page (a Blazor circuit) keeps the principal it opened with; its provider must notice a session that ended.</summary>
public sealed class OpenPageSessionTests(SlowRevalidationFixture fixture) : IClassFixture<SlowRevalidationFixture>
{
    private const string Password = "harbor tulip granite eighty";

    [Fact]
    public async Task An_open_page_is_signed_out_within_seconds_of_a_sign_out_elsewhere()
    {
        var id = await PortalUsers.CreateAsync(fixture.Host, "open.page@example.com", Password, Roles.Auditor);
        await using var circuit = fixture.Host.Services.CreateAsyncScope();
        var users = circuit.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(id))!;
        var signedIn = await circuit.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        var provider = (ServerAuthenticationStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var signedOut = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state =>
        {
            if ((await state).User.Identity?.IsAuthenticated != true)
            {
                signedOut.TrySetResult((await state).User);
            }
        };
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(
            new ClaimsPrincipal(new ClaimsIdentity(signedIn.Claims, IdentityConstants.ApplicationScheme)))));

        // What the sign-out endpoint does on the server, from another browser of the same user.
        await using (var elsewhere = fixture.Host.Services.CreateAsyncScope())
        {
            var otherUsers = elsewhere.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await otherUsers.UpdateSecurityStampAsync((await otherUsers.FindByIdAsync(id))!)).Succeeded);
        }

        // The fixture checks open pages every second; its cookie revalidation is ten minutes away.
        var principal = await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(principal.Identity?.IsAuthenticated);
    }
}
