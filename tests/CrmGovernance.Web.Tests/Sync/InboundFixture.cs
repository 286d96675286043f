using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Sync;

/// <summary>One demo portal (its "website" system is a webhook system) with a low rate limit, so tests can exceed it.</summary>
public sealed class InboundFixture : IDisposable
{
    public const int PermitsPerSecond = 5;
    public const int Burst = 20;

    public PortalHost Host { get; } = new(settings: new Dictionary<string, string>
    {
        // These tests count what their own requests stored: no live demo website posting too, no worker running the demo flows.
        ["Demo:Live"] = "false",
        ["Sync:Worker"] = "false",
        ["Inbound:PermitsPerSecond"] = PermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Inbound:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public void Dispose() => Host.Dispose();
}
