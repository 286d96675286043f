namespace CrmGovernance.Core.Hosting;

/// <summary>
/// Which process the Core services are put together for. Every host calls the same registrations with its role;
/// a role decides what runs in the background, nothing is removed afterwards.
/// </summary>
public enum HostRole
{
    /// <summary>The web portal: everything, the scheduler, the flow worker and the background queues included.</summary>
    Portal,

    /// <summary><c>crmgov</c>: runs one command on request, so no scheduler, no flow worker and no demo activity.</summary>
    CommandLine,

    /// <summary>A test's service provider: the same services, started by the test itself when it needs them.</summary>
    Test,
}
