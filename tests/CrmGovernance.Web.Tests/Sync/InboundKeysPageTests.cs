using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Sync.Inbound;
using CrmGovernance.Web.Features.Sync;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Sync;

public sealed class InboundKeysPageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_status_column_says_active_for_a_live_key_and_revoked_for_a_revoked_one()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin);
        var keys = pages.Context.Services.GetRequiredService<InboundKeyService>();
        var live = await keys.IssueAsync("website", "Still in use");
        var revoked = await keys.IssueAsync("website", "Old form");
        Assert.True((await keys.RevokeAsync(revoked.Issued!.Id)).Succeeded);

        var page = pages.Context.Render<InboundKeysPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-key-name='Old form']")));
        Assert.Contains("Status", page.FindAll("#inbound-keys-grid th").Select(h => h.TextContent.Trim()));
        Assert.DoesNotContain("Revoked", page.FindAll("#inbound-keys-grid th").Select(h => h.TextContent.Trim()));
        Assert.Equal("Active", StatusOf(page, "Still in use"));
        Assert.StartsWith("Revoked ", StatusOf(page, "Old form"), StringComparison.Ordinal);
    }

    private static string StatusOf(IRenderedComponent<InboundKeysPage> page, string name) =>
        page.Find($"[data-key-name='{name}']").Closest("tr")!.QuerySelector("[data-key-status]")!.TextContent.Trim();
}
