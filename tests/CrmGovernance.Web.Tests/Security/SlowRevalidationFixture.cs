using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Security;

/// <summary>
/// A portal whose periodic revalidation is ten minutes away, so a session that ends at once in these tests ends
/// because of the session check (every request; open pages every second), not because the interval happened to pass.
/// </summary>
public sealed class SlowRevalidationFixture : IDisposable
{
    public PortalHost Host { get; } = new(settings: new Dictionary<string, string>
    {
        ["Security:RevalidationSeconds"] = "600",
        ["Security:SessionCheckSeconds"] = "1",
    });

    public void Dispose() => Host.Dispose();
}
