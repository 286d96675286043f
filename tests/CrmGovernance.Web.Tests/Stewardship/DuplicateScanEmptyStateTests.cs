using Bunit;
using CrmGovernance.Web.Features.Stewardship;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Stewardship;

[Collection(QuietPortalPages.Name)]
public sealed class DuplicateScanEmptyStateTests(QuietPortalFixture fixture)
{
    [Fact]
    public async Task Before_any_match_rule_is_published_the_page_says_what_a_scan_does_and_to_add_a_rule_first()
    {
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<DuplicateScansPage>();

        // The quiet portal has published no configuration yet.
        page.WaitForAssertion(() => Assert.Contains("First add a match rule to an object", page.Find("#scan-no-rule").TextContent, StringComparison.Ordinal));
        Assert.Contains("reads every record of one object in one system", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#scan-start-button"));
    }
}
