namespace CrmGovernance.Cli.Tests;

/// <summary>
/// A SQLite installation with data in every feature: the demo with its generated history (runs, outcomes, queues, scans,
/// incidents, insights buckets, change requests and the audit chain over them), made once for the copy tests.
/// </summary>
public sealed class DemoInstallation : IAsyncLifetime
{
    private AuditCliWorkspace? _workspace;

    internal AuditCliWorkspace Workspace => _workspace ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _workspace = await AuditCliWorkspace.CreateAsync("""{ "Enabled": true, "Live": false }""");

    public Task DisposeAsync()
    {
        _workspace?.Dispose();
        return Task.CompletedTask;
    }
}
