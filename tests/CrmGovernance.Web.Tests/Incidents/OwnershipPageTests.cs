using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Web.Features.Incidents;
using CrmGovernance.Web.Tests.Configuration;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Incidents;

/// <summary>The ownership view over the real portal: the standard objects, owned by someone with no account yet.</summary>
public sealed class OwnershipPageTests(StandardPortalFixture fixture) : IClassFixture<StandardPortalFixture>
{
    public static TheoryData<string> Viewers() => [.. CapabilityTable.Of(Capability.ViewOwnership).AnyRoles];

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Every_role_that_may_see_ownership_sees_every_object_with_its_owner_and_gaps(string role)
    {
        await using var pages = new OperationsPages(fixture.Host, role);
        var objects = (await fixture.Host.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Configuration.Objects;
        pages.Navigation.NavigateTo("ownership");

        var page = pages.Context.Render<OwnershipPage>();

        page.WaitForAssertion(() => Assert.Equal(objects.Count, page.FindAll("[data-ownership-row][data-kind='BusinessObject']").Count));
        var contact = page.Find("[data-ownership-row='Contact']");
        Assert.Contains("owner@example.com", contact.TextContent, StringComparison.Ordinal);
        Assert.Contains("Owner owner@example.com is not a user of the portal", contact.QuerySelector("[data-gap='gap']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{objects.Count} gaps", page.Find("#gap-count").TextContent.Trim());
        // Editing is offered to those who can open the object's page.
        Assert.Equal(CapabilityTable.Of(Capability.ReadConfiguration).AnyRoles.Contains(role), page.FindAll("[data-edit-ownership]").Count > 0);
    }

    [Fact]
    public async Task The_systems_tab_without_systems_says_so()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        pages.Navigation.NavigateTo("ownership?tab=systems");

        var page = pages.Context.Render<OwnershipPage>();

        page.WaitForAssertion(() => Assert.Contains("No systems in the published configuration yet.", page.Find("[data-empty='Systems']").TextContent, StringComparison.Ordinal));
    }
}
