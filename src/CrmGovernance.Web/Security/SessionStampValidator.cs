using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Security;

/// <summary>
/// Identity's cookie validator, plus a <see cref="SessionCheck"/> on every request: a cookie saved before sign-out,
/// a password change or a two-factor change is refused at once, and a removed role is dropped at once, instead of
/// when <see cref="SecurityOptions.RevalidationSeconds"/> next comes round. The full principal rebuild (claims
/// from the database, cookie re-issued) still runs once per interval, and whenever the roles differ.
/// </summary>
internal sealed class SessionStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<ApplicationUser> signInManager, ILoggerFactory logger, SessionCheck check)
    : SecurityStampValidator<ApplicationUser>(options, signInManager, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null)
        {
            await base.ValidateAsync(context);
            return;
        }
        switch (await check.CheckAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            case SessionVerdict.Ended:
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            case SessionVerdict.RolesChanged when await SignInManager.ValidateSecurityStampAsync(context.Principal) is { } user:
                await SecurityStampVerified(user, context); // new principal with the current roles; cookie re-issued
                return;
            case SessionVerdict.RolesChanged:
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            default:
                await base.ValidateAsync(context);
                return;
        }
    }
}
