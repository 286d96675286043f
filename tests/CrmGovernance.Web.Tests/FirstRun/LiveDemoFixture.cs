using System.Diagnostics;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.FirstRun;

/// <summary>
/// A fresh portal with the live demo (Demo:Enabled and Demo:Live) in its own temp data folder: the demo systems are
/// created at start and the website posts an enquiry every 2 s; event-driven flows also poll every 5 s.
/// </summary>
public sealed class LiveDemoFixture : IDisposable
{
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    public PortalHost Host { get; } = new(demo: true, settings: new Dictionary<string, string>
    {
        ["Demo:Live"] = "true",
        ["Demo:WebsiteEverySeconds"] = "2",
        ["Demo:ShopEverySeconds"] = "10",
        ["Sync:InboxPollSeconds"] = "5",
        ["Demo:Outages"] = "false",
    });

    /// <summary>Time since the host began starting.</summary>
    public TimeSpan Elapsed => _sinceStart.Elapsed;

    public void Dispose() => Host.Dispose();
}
