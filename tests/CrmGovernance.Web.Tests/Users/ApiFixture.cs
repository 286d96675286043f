using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Users;

/// <summary>A demo portal whose worker and live website stay quiet, so the incidents the tests count are their own.</summary>
public sealed class ApiFixture : IDisposable
{
    public PortalHost Host { get; } = new(settings: new Dictionary<string, string>
    {
        ["Demo:Live"] = "false",
        ["Sync:Worker"] = "false",
    });

    public void Dispose() => Host.Dispose();
}
