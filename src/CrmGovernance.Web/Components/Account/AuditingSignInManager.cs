using System.Security.Claims;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Components.Account;

/// <summary>
/// Identity's sign-in manager, plus: disabled users cannot sign in or keep a session; sign-out ends every session of
/// the user on the server; an unknown email or a disabled account is answered like a wrong password (time and lockout
/// alike), so the form does not reveal which emails have accounts; and every sign-in, failed sign-in, lockout and
/// sign-out is written to the audit trail.
/// </summary>
internal sealed class AuditingSignInManager(
    UserManager<ApplicationUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<ApplicationUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation, IAuditTrail audit, UnknownAccountSignIns unknownAccounts)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            var result = unknownAccounts.SignIn(UserManager.NormalizeName(userName) ?? "", password, UserManager.PasswordHasher, lockoutOnFailure);
            await audit.RecordAsync(AuditActions.SignInFailed, "User", null,
                new { reason = "unknown account", answered = result.IsLockedOut ? "locked out" : "wrong credentials" }, actorName: userName);
            return result;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(ApplicationUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = user.IsDisabled
            ? await DisabledPasswordSignInAsync(user, password, lockoutOnFailure)
            : await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordAsync(user, result, "password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null)
        {
            await RecordAsync(user, result, "authenticator code");
        }
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null)
        {
            await RecordAsync(user, result, "recovery code");
        }
        return result;
    }

    /// <summary>
    /// Identity checks "may this user sign in" before the password, so a disabled account would answer any password
    /// with "disabled". Here a wrong password gets what an enabled account gets (failure, then lockout); only the right
    /// password learns that the account is disabled.
    /// </summary>
    private async Task<SignInResult> DisabledPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        if (await UserManager.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }
        if (await UserManager.CheckPasswordAsync(user, password))
        {
            return SignInResult.NotAllowed;
        }
        if (lockoutOnFailure)
        {
            await UserManager.AccessFailedAsync(user);
            if (await UserManager.IsLockedOutAsync(user))
            {
                return SignInResult.LockedOut;
            }
        }
        return SignInResult.Failed;
    }

    public override async Task SignOutAsync()
    {
        var principal = Context.User;
        await base.SignOutAsync();
        if (principal.Identity?.IsAuthenticated == true)
        {
            // Deleting this browser's cookie is not enough: a saved copy of it would stay valid for hours. A new
            // security stamp ends every session of the user on the server (SessionCheck refuses the old stamp).
            if (await UserManager.GetUserAsync(principal) is { } user && !(await UserManager.UpdateSecurityStampAsync(user)).Succeeded)
            {
                Logger.LogWarning("Signing out could not renew the security stamp of user {UserId}; other sessions stay open.", user.Id);
            }
            await audit.RecordAsync(AuditActions.SignOut, "User", UserManager.GetUserId(principal), actorId: UserManager.GetUserId(principal),
                actorName: principal.Identity.Name);
        }
    }

    private Task RecordAsync(ApplicationUser user, SignInResult result, string method)
    {
        var (action, details) = result switch
        {
            { Succeeded: true } => (AuditActions.SignIn, (object)new { method }),
            { RequiresTwoFactor: true } => (AuditActions.SignIn, new { method, stage = "password accepted, second factor required" }),
            { IsLockedOut: true } => (AuditActions.LockedOut, new { method, reason = "locked out after repeated failures" }),
            { IsNotAllowed: true } => (AuditActions.SignInFailed, new { method, reason = user.IsDisabled ? "account disabled" : "not allowed" }),
            _ => (AuditActions.SignInFailed, new { method, reason = "wrong credentials" }),
        };
        return audit.RecordAsync(action, "User", user.Id, details, actorId: user.Id, actorName: user.Email);
    }
}
