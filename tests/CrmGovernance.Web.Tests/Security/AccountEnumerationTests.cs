using System.Net;
using System.Text.RegularExpressions;
using CrmGovernance.Core.Access;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Security;

/// <summary>The sign-in form must not tell an attacker which emails have accounts.</summary>
public sealed partial class AccountEnumerationTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Password = "saffron tugboat gravel ninety";
    private const string WrongPassword = "definitely not the password";

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_known_email_with_a_wrong_password()
    {
        await PortalUsers.CreateAsync(fixture.Host, "known.once@example.com", Password, Roles.Steward);

        var known = await AttemptAsync("known.once@example.com", WrongPassword);
        var unknown = await AttemptAsync("nobody.once@example.com", WrongPassword);

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(known.Body, unknown.Body);
    }

    [Fact]
    public async Task An_unknown_email_is_locked_out_after_as_many_failures_as_a_known_email()
    {
        await PortalUsers.CreateAsync(fixture.Host, "known.locked@example.com", Password, Roles.Steward);

        var known = new List<Answer>();
        var unknown = new List<Answer>();
        for (var attempt = 0; attempt < 7; attempt++)
        {
            known.Add(await AttemptAsync("known.locked@example.com", WrongPassword));
            unknown.Add(await AttemptAsync("nobody.locked@example.com", WrongPassword));
        }

        Assert.Contains(known, a => a.Location?.Contains("Account/Lockout", StringComparison.Ordinal) == true);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task A_disabled_account_answers_a_wrong_password_as_an_unknown_email_does()
    {
        var id = await PortalUsers.CreateAsync(fixture.Host, "disabled.quiet@example.com", Password, Roles.Steward);
        Assert.True((await PortalUsers.AsAdminAsync(fixture.Host, s => s.SetDisabledAsync(id, true))).Succeeded);

        var disabled = await AttemptAsync("disabled.quiet@example.com", WrongPassword);
        var unknown = await AttemptAsync("nobody.quiet@example.com", WrongPassword);

        Assert.Equal(unknown, disabled);
        Assert.DoesNotContain("account is disabled", disabled.Body, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<Answer> AttemptAsync(string email, string password)
    {
        using var client = fixture.Host.NewClient();
        using var response = await SignIn.PostLoginAsync(client, email, password);
        var body = await response.Content.ReadAsStringAsync();
        // What differs by design: the email echoed in the form, the antiforgery token, per-render markers and ids.
        body = body.Replace(email, "EMAIL", StringComparison.Ordinal);
        body = RenderId().Replace(BlazorMarker().Replace(AntiforgeryValue().Replace(body, "TOKEN"), ""), "ID");
        body = OpaqueRedirect().Replace(body, "REDIRECT"); // a redirect after the response started: the target is encrypted
        body = ScriptNonce().Replace(body, "NONCE"); // a new script nonce in every response
        return new Answer(response.StatusCode, response.Headers.Location?.ToString(), body);
    }

    private sealed record Answer(HttpStatusCode Status, string? Location, string Body);

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" value=\")[^\"]+")]
    private static partial Regex AntiforgeryValue();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RenderId();

    [GeneratedRegex("<!--Blazor[^>]*-->")]
    private static partial Regex BlazorMarker();

    [GeneratedRegex("(?<=nonce=\")[^\"]+")]
    private static partial Regex ScriptNonce();

    [GeneratedRegex("_framework/opaque-redirect\\?url=[^<\"]+")]
    private static partial Regex OpaqueRedirect();
}
