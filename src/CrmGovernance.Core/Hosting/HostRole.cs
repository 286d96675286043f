namespace CrmGovernance.Core.Hosting;

/// <summary>
/// Which process the Core services are put together for. Every host calls the same registrations with its role;
/// a role decides what runs in the background, nothing is removed afterwards.
/// </summary>
public enum HostRole
{
    /// <summary>
    /// The web host: by default everything, the scheduler, the flow worker and the background queues included;
    /// <see cref="NodeOptions.Role"/> narrows it to the UI only or to the background work only.
    /// </summary>
    Portal,

    /// <summary><c>crmgov</c>: runs one command on request, so no scheduler, no flow worker and no demo activity.</summary>
    CommandLine,

    /// <summary>
    /// A test's host: the portal's Core services and background work (the test starts the host when it needs them), without
    /// the portal's event delivery, which a test adds when it is what the test is about.
    /// </summary>
    Test,
}
