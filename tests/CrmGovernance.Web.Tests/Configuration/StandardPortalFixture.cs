using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Configuration;

/// <summary>
/// A real portal without the demo, as the first run leaves it: the standard objects, with the default match rules of
/// contact and company, published as version 1 by the real seeder.
/// </summary>
public sealed class StandardPortalFixture : IAsyncLifetime
{
    public PortalHost Host { get; } = new(demo: false);

    public async Task InitializeAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConfigurationSeeder>().SeedIfEmptyAsync(ConfigurationSeeder.StandardObjectsOwnedBy("owner@example.com"));
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }
}
