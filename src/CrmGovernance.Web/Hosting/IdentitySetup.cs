using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Web.Components.Account;
using CrmGovernance.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmGovernance.Web.Hosting;

internal static class IdentitySetup
{
    /// <summary>ASP.NET Core Identity with the portal's password policy, lockout, roles, policies and live revalidation.</summary>
    public static IServiceCollection AddCrmIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, RefreshingAuthenticationStateProvider>();
        services.AddScoped<CircuitHandler, ActorCircuitHandler>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "CrmGovernance.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        // Cookie requests re-read the user as often as circuits do: new roles apply, disabled users are rejected.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(security.RevalidationSeconds));
        services.AddAuthorizationBuilder().AddCrmPolicies();

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                PasswordPolicyValidator.Configure(o.Password);
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddSignInManager<AuditingSignInManager>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicyValidator>();
        // Identity's own validator would repeat the length rule; the policy validator covers it.
        services.RemoveAll<IPasswordValidator<ApplicationUser>>();
        services.AddScoped<IPasswordValidator<ApplicationUser>, PasswordPolicyValidator>();
        // Every cookie request checks that its session still stands (issue 12, finding 5; ADR 0007).
        services.AddScoped<SessionCheck>();
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionStampValidator>());
        services.AddSingleton<UnknownAccountSignIns>();
        return services;
    }
}
