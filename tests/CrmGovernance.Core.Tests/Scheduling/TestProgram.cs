using System.Globalization;

namespace CrmGovernance.Core.Tests.Scheduling;

/// <summary>
/// The test assembly's entry point (the test SDK's generated one is turned off in the project): the test runner never
/// calls it; the cluster tests start the assembly as a process to get a scheduler node they can kill.
/// </summary>
internal static class TestProgram
{
    public static async Task<int> Main(string[] args) => args is [SchedulerNode.Command, var connectionString, var checkin, var threshold]
        ? await SchedulerNode.RunAsync(connectionString, int.Parse(checkin, CultureInfo.InvariantCulture), int.Parse(threshold, CultureInfo.InvariantCulture))
        : 0;
}
