using System.Diagnostics;
using System.Globalization;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// The process's peak resident memory (VmHWM, what <see cref="Process.PeakWorkingSet64"/> reads on Linux), which Linux
/// lets a process reset: so the figure for a measured step is not the data generation's before it.
/// </summary>
internal static class MemoryMeter
{
    public static double PeakMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    public static double ManagedHeapMegabytes() => GC.GetGCMemoryInfo().HeapSizeBytes / 1024.0 / 1024.0;

    /// <summary>The managed heap less its free fragments: what live objects take (freed large arrays leave holes, not compacted).</summary>
    public static double ManagedObjectsMegabytes()
    {
        var info = GC.GetGCMemoryInfo();
        return (info.HeapSizeBytes - info.FragmentedBytes) / 1024.0 / 1024.0;
    }

    /// <summary>Collects what earlier steps left, then restarts the peak from the present resident size.</summary>
    /// <returns>False where the peak cannot be reset (not Linux): it then covers the whole process.</returns>
    public static bool StartNewPeak()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            // "5" resets the peak resident set size (Documentation/filesystems/proc.rst, clear_refs).
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The machine in one line: the figures depend on its cores, its memory, the GC mode and how busy it is.</summary>
    public static string MachineLine()
    {
        var load = File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {memory:F0} GiB, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, load average {load}");
    }
}
