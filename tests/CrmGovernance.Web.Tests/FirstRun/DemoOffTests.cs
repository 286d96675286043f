using System.Net;
using CrmGovernance.Core.Features.FirstRun.Demo;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.FirstRun;

public sealed class DemoOffTests(QuietPortalFixture fixture) : IClassFixture<QuietPortalFixture>
{
    [Fact]
    public async Task Without_the_demo_the_form_is_not_found_and_no_demo_system_is_created()
    {
        using var client = fixture.Host.NewClient();

        using var response = await client.GetAsync("demo/form");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(Directory.Exists(fixture.Host.Services.GetRequiredService<DemoPaths>().Folder));
    }
}
