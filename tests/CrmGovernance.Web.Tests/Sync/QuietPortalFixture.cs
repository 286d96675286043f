using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Sync;

/// <summary>A real portal without the demo: no flow is configured, so nothing runs or queues on its own during a test.</summary>
public sealed class QuietPortalFixture : IDisposable
{
    public PortalHost Host { get; } = new(demo: false);

    public void Dispose() => Host.Dispose();
}
