using System.Diagnostics;

namespace CrmGovernance.Core.Hosting;

/// <summary>
/// Whether a process a node name or a lease holder names (its machine and process id) is one of this machine's that has
/// ended: a killed node restarted under a new process id need not wait for its old claims to go stale.
/// </summary>
internal static class LocalProcess
{
    public static bool HasEnded(string machine, string processId)
    {
        if (machine != Environment.MachineName || !int.TryParse(processId, out var pid) || pid == Environment.ProcessId)
        {
            return false;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
