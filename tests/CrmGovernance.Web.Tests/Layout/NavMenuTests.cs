using System.Security.Claims;
using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Web.Components.Layout;
using CrmGovernance.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace CrmGovernance.Web.Tests.Layout;

public sealed class NavMenuTests
{
    public static TheoryData<string, string[]> MenusByRole => new()
    {
        { Roles.Admin, ["Home", "Journeys", "Objects & sources of truth", "Systems", "Flows", "Change requests", "Versions", "Ownership", "Incident policy", "Runs", "Error queue", "Review queue", "Duplicate scans", "Incidents", "Dashboard", "Data quality", "Field rationalisation", "Audit log", "Exports", "Users & roles", "Inbound API keys", "Notification webhooks"] },
        { Roles.BusinessOwner, ["Home", "Journeys", "Objects & sources of truth", "Systems", "Flows", "Change requests", "Versions", "Ownership", "Incident policy", "Runs", "Error queue", "Incidents", "Dashboard", "Data quality", "Field rationalisation"] },
        { Roles.Steward, ["Home", "Ownership", "Runs", "Error queue", "Review queue", "Duplicate scans", "Incidents", "Data quality", "Field rationalisation"] },
        { Roles.Manager, ["Home", "Ownership", "Runs", "Error queue", "Review queue", "Duplicate scans", "Incidents", "Dashboard", "Data quality", "Field rationalisation"] },
        { Roles.Auditor, ["Home", "Journeys", "Objects & sources of truth", "Systems", "Flows", "Change requests", "Versions", "Ownership", "Incident policy", "Incidents", "Audit log", "Exports"] },
    };

    [Theory]
    [MemberData(nameof(MenusByRole))]
    public async Task The_drawer_shows_each_role_only_its_areas(string role, string[] expected)
    {
        await using var ctx = NewContext();
        var menu = ctx.Render<NavMenu>(p => p.AddCascadingValue(SignedIn(role)));

        var links = menu.FindAll("[data-nav]").Select(a => a.GetAttribute("data-nav")).ToArray();
        Assert.Equal(expected, links);
    }

    [Fact]
    public async Task A_user_with_several_roles_sees_the_union_of_their_areas()
    {
        await using var ctx = NewContext();
        var menu = ctx.Render<NavMenu>(p => p.AddCascadingValue(SignedIn(Roles.Auditor, Roles.Admin)));
        Assert.Equal(new string?[] { "Home", "Journeys", "Objects & sources of truth", "Systems", "Flows", "Change requests", "Versions", "Ownership", "Incident policy", "Runs", "Error queue", "Review queue", "Duplicate scans", "Incidents", "Dashboard", "Data quality", "Field rationalisation", "Audit log", "Exports", "Users & roles", "Inbound API keys", "Notification webhooks" }, menu.FindAll("[data-nav]").Select(a => a.GetAttribute("data-nav")).ToArray());
    }

    [Fact]
    public async Task An_anonymous_visitor_sees_no_areas()
    {
        await using var ctx = NewContext();
        var menu = ctx.Render<NavMenu>(p => p.AddCascadingValue(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())))));
        Assert.Empty(menu.FindAll("[data-nav]"));
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        // The real authorization service and the app's real policies, in place of bUnit's placeholder.
        ctx.Services.AddAuthorizationBuilder().AddCrmPolicies();
        ctx.Services.Replace(ServiceDescriptor.Transient<IAuthorizationService, DefaultAuthorizationService>());
        ctx.SetRendererInfo(new RendererInfo("Server", true));
        return ctx;
    }

    private static Task<AuthenticationState> SignedIn(params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "u1"), new(ClaimTypes.Name, "someone@example.com") };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, "test"))));
    }
}
