using System.Globalization;

namespace CrmGovernance.Benchmarks.Quality;

/// <summary>
/// The process's resident memory now, by kind (Linux, /proc/self/status): anonymous (the heaps) and file-backed (mapped
/// files: the runtime's libraries and a SQLite database read through mmap).
/// </summary>
internal static class ResidentSet
{
    public static string Line()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return "resident by kind: unknown here";
        }
        var values = File.ReadLines(status).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.Ordinal);
        string Megabytes(string key) => values.TryGetValue(key, out var text)
            && long.TryParse(text.Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kilobytes)
            ? (kilobytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MB" : "?";
        return $"resident now: {Megabytes("VmRSS")} (anonymous {Megabytes("RssAnon")}, file-backed {Megabytes("RssFile")}), peak {Megabytes("VmHWM")}";
    }
}
