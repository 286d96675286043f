using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Sync;

/// <summary>The demo portal (its configuration published) with the worker off, so no run or poll changes what a test wrote.</summary>
public sealed class DemoPortalWithoutWorker : IDisposable
{
    public PortalHost Host { get; } = new(demo: true, settings: new Dictionary<string, string> { ["Sync:Worker"] = "false" });

    public void Dispose() => Host.Dispose();
}
