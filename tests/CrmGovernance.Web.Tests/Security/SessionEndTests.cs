using System.Net;
using System.Text.RegularExpressions;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;

namespace CrmGovernance.Web.Tests.Security;

public sealed partial class SessionEndTests(SlowRevalidationFixture fixture) : IClassFixture<SlowRevalidationFixture>
{
    private const string Password = "quarry lantern meadow ninety";

    [Fact]
    public async Task A_cookie_saved_before_sign_out_is_sent_to_sign_in_afterwards()
    {
        await PortalUsers.CreateAsync(fixture.Host, "signs.out@example.com", Password, Roles.Auditor);
        using var session = await SavedSession.SignInAsync(fixture.Host, "signs.out@example.com", Password);
        using var saved = session.CopyCookies();
        Assert.Equal(HttpStatusCode.OK, (await saved.GetAsync("audit")).StatusCode);

        await session.SignOutAsync();

        await AssertSentToSignInAsync(saved);
    }

    [Fact]
    public async Task A_password_change_ends_other_sessions_and_keeps_the_one_that_made_it()
    {
        await PortalUsers.CreateAsync(fixture.Host, "changes.password@example.com", Password, Roles.Auditor);
        using var here = await SavedSession.SignInAsync(fixture.Host, "changes.password@example.com", Password);
        using var elsewhere = await SavedSession.SignInAsync(fixture.Host, "changes.password@example.com", Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.Client.GetAsync("audit")).StatusCode);

        using var changed = await Forms.PostAsync(here.Client, "Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = Password,
            ["Input.NewPassword"] = "copper violin autumn seventeen",
            ["Input.ConfirmPassword"] = "copper violin autumn seventeen",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await AssertSentToSignInAsync(elsewhere.Client);
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("audit")).StatusCode);
    }

    [Fact]
    public async Task Resetting_the_authenticator_key_ends_other_sessions_and_keeps_the_one_that_made_it()
    {
        await PortalUsers.CreateAsync(fixture.Host, "resets.key@example.com", Password, Roles.Auditor);
        using var here = await SavedSession.SignInAsync(fixture.Host, "resets.key@example.com", Password);
        using var elsewhere = await SavedSession.SignInAsync(fixture.Host, "resets.key@example.com", Password);

        using var reset = await Forms.PostAsync(here.Client, "Account/Manage/ResetAuthenticator", "reset-authenticator", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        await AssertSentToSignInAsync(elsewhere.Client);
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("audit")).StatusCode);
    }

    [Fact]
    public async Task A_two_factor_reset_by_an_admin_ends_the_users_sessions()
    {
        var id = await PortalUsers.CreateAsync(fixture.Host, "reset.by.admin@example.com", Password, Roles.Auditor);
        using var session = await SavedSession.SignInAsync(fixture.Host, "reset.by.admin@example.com", Password);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("audit")).StatusCode);

        Assert.True((await PortalUsers.AsAdminAsync(fixture.Host, s => s.ResetTwoFactorAsync(id))).Succeeded);

        await AssertSentToSignInAsync(session.Client);
    }

    [Fact]
    public async Task A_user_whose_Auditor_role_is_removed_cannot_open_the_audit_log_with_the_old_cookie()
    {
        var id = await PortalUsers.CreateAsync(fixture.Host, "loses.auditor@example.com", Password, Roles.Auditor, Roles.Manager);
        using var session = await SavedSession.SignInAsync(fixture.Host, "loses.auditor@example.com", Password);
        using var saved = session.CopyCookies();
        Assert.Equal(HttpStatusCode.OK, (await saved.GetAsync("audit")).StatusCode);

        Assert.True((await PortalUsers.AsAdminAsync(fixture.Host, s => s.RemoveRoleAsync(id, Roles.Auditor))).Succeeded);

        // The session keeps the roles that remain (ADR 0007); the removed one is gone on the very next request.
        using var response = await saved.GetAsync("audit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await saved.GetAsync("")).StatusCode);
    }

    [Fact]
    public async Task Viewing_the_authenticator_page_keeps_the_security_stamp_and_every_session()
    {
        var id = await PortalUsers.CreateAsync(fixture.Host, "views.authenticator@example.com", Password, Roles.Auditor);
        using var here = await SavedSession.SignInAsync(fixture.Host, "views.authenticator@example.com", Password);
        using var elsewhere = await SavedSession.SignInAsync(fixture.Host, "views.authenticator@example.com", Password);
        var stampBefore = await SecurityStampAsync(id);

        var page = await here.Client.GetStringAsync("Account/Manage/EnableAuthenticator");
        Assert.Contains("<kbd>", page, StringComparison.Ordinal);

        Assert.Equal(stampBefore, await SecurityStampAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.Client.GetAsync("audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("audit")).StatusCode);
        // The key shown on the first visit is the one a second visit shows: viewing twice does not rotate it.
        Assert.Equal(KeyOf(page), KeyOf(await here.Client.GetStringAsync("Account/Manage/EnableAuthenticator")));
    }

    [Fact]
    public async Task Two_factor_changes_end_other_sessions_and_keep_the_one_that_made_them()
    {
        await PortalUsers.CreateAsync(fixture.Host, "turns.2fa.on@example.com", Password, Roles.Auditor);
        using var here = await SavedSession.SignInAsync(fixture.Host, "turns.2fa.on@example.com", Password);

        // Turning two-factor sign-in on (the authenticator's code confirms the key).
        using (var elsewhere = await SavedSession.SignInAsync(fixture.Host, "turns.2fa.on@example.com", Password))
        {
            var key = KeyOf(await here.Client.GetStringAsync("Account/Manage/EnableAuthenticator"));
            using var enabled = await Forms.PostAsync(here.Client, "Account/Manage/EnableAuthenticator", "send-code",
                new Dictionary<string, string> { ["Input.Code"] = Totp.CodeFor(key) });
            var page = await enabled.Content.ReadAsStringAsync();
            Assert.True(page.Contains("class=\"recovery-code\"", StringComparison.Ordinal), $"No recovery codes; the page said: {Alert(page)}");
            await AssertSentToSignInAsync(elsewhere.Client);
            Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("audit")).StatusCode);
        }

        // New recovery codes: the old ones may be known to someone, so a session opened with one ends too.
        using (var elsewhere = await SignInWithRecoveryCodeAsync(here))
        {
            using var codes = await Forms.PostAsync(here.Client, "Account/Manage/GenerateRecoveryCodes", "generate-recovery-codes", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
            await AssertSentToSignInAsync(elsewhere);
            Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("audit")).StatusCode);
        }

        // Turning it off again.
        using (var elsewhere = await SignInWithRecoveryCodeAsync(here))
        {
            using var disabled = await Forms.PostAsync(here.Client, "Account/Manage/Disable2fa", "disable-2fa", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
            await AssertSentToSignInAsync(elsewhere);
            Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("audit")).StatusCode);
        }
    }

    /// <summary>A second session of the same user, signed in with password and a fresh recovery code.</summary>
    private async Task<HttpClient> SignInWithRecoveryCodeAsync(SavedSession owner)
    {
        var codesPage = await Forms.PostAsync(owner.Client, "Account/Manage/GenerateRecoveryCodes", "generate-recovery-codes", new Dictionary<string, string>());
        var code = RecoveryCode().Match(await codesPage.Content.ReadAsStringAsync()).Groups[1].Value;
        var client = fixture.Host.NewClient();
        using var password = await SignIn.PostLoginAsync(client, "turns.2fa.on@example.com", Password);
        Assert.Contains("LoginWith2fa", password.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var recovery = await Forms.PostAsync(client, "Account/LoginWithRecoveryCode", "login-with-recovery-code",
            new Dictionary<string, string> { ["Input.RecoveryCode"] = code });
        Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("audit")).StatusCode);
        return client;
    }

    private async Task<string?> SecurityStampAsync(string userId)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByIdAsync(userId))!.SecurityStamp;
    }

    private static string Alert(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "role=\"alert\"[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline) is { Success: true } m
            ? System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ").Trim()
            : "(no message)";

    private static string KeyOf(string page)
    {
        var start = page.IndexOf("<kbd>", StringComparison.Ordinal) + "<kbd>".Length;
        return page[start..page.IndexOf("</kbd>", start, StringComparison.Ordinal)];
    }

    private static async Task AssertSentToSignInAsync(HttpClient client)
    {
        using var response = await client.GetAsync("audit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<code[^>]*>\s*([A-Za-z0-9-]{6,})\s*</code>")]
    private static partial Regex RecoveryCode();
}
