using Microsoft.Extensions.Hosting;

namespace CrmGovernance.Web.Tests.Hosting;

public sealed class StartupOrderTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public void The_database_is_initialised_before_any_other_hosted_service_starts()
    {
        // Data Protection loads its key ring from the database and Quartz starts jobs: both need the migrated schema.
        var first = fixture.Host.Services.GetServices<IHostedService>().First();
        Assert.Equal("DatabaseInitializer", first.GetType().Name);
    }
}
