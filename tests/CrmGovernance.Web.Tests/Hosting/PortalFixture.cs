namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>One running portal shared by the tests of a class.</summary>
public sealed class PortalFixture : IDisposable
{
    public PortalHost Host { get; } = new();

    public void Dispose() => Host.Dispose();
}
