using CrmGovernance.Core.Scheduling;
using Microsoft.Extensions.Configuration;

namespace CrmGovernance.Core.Features.Systems.Connectors.Files;

/// <summary>
/// The portal's own files, which no connector may read or write even when a connector root holds them: the database
/// (and its -wal, -shm, -journal), the exports and logs folders, the settings files, the demo website's key, whatever
/// Connectors:ProtectedPaths lists, and the value of every setting named *Path, *File, *Folder or *Directory (the
/// scheduler database, key files, witness folders), so that a file the portal gains later is protected by its setting.
/// </summary>
internal static class PortalFiles
{
    private static readonly string[] PathSettingSuffixes = ["Path", "File", "Folder", "Directory"];

    /// <summary>Full paths; a file protects every name that starts with it (crm.db covers crm.db-wal), a folder everything in it.</summary>
    public static List<string> Of(IConfiguration configuration, string contentRoot, string dataFolder, string databasePath, IEnumerable<string> listed)
    {
        var logFile = configuration["Logs:Path"] ?? "logs/crmgovernance-.log";
        var scheduler = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var paths = new List<string>
        {
            databasePath,
            Path.GetFullPath(scheduler.DatabasePath, contentRoot),
            Path.Combine(dataFolder, "exports"),
            LogFiles(Path.GetFullPath(logFile, contentRoot), contentRoot, dataFolder),
            Path.Combine(contentRoot, "appsettings"),
            Path.Combine(dataFolder, "demo", "website-key.txt"),
        };
        paths.AddRange(listed.Select(p => Path.GetFullPath(p.Trim(), contentRoot)));
        foreach (var setting in configuration.AsEnumerable())
        {
            if (IsPathSetting(setting.Key) && setting.Value is { Length: > 0 } value && TryFullPath(value, contentRoot) is { } path
                // "/" or the content root (a cookie's Path, say) is no file of the portal: protecting it would close every root.
                && !Contains(path, contentRoot) && !Contains(path, dataFolder))
            {
                paths.Add(path);
            }
        }
        return paths;
    }

    /// <summary>The logs folder; only the log files themselves (crmgovernance-*.log) when that folder also holds the data folder or the content root.</summary>
    private static string LogFiles(string logFile, string contentRoot, string dataFolder)
    {
        var folder = Path.GetDirectoryName(logFile)!;
        return Contains(folder, dataFolder) || Contains(folder, contentRoot)
            ? Path.Combine(folder, Path.GetFileNameWithoutExtension(logFile).TrimEnd('-', '_', '.'))
            : folder;
    }

    private static StringComparison Comparison => OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="folder"/> or lies inside it.</summary>
    public static bool Contains(string folder, string candidate)
    {
        var (f, c) = (Path.TrimEndingDirectorySeparator(folder), Path.TrimEndingDirectorySeparator(candidate));
        return string.Equals(f, c, Comparison) || c.StartsWith(f.EndsWith(Path.DirectorySeparatorChar) ? f : f + Path.DirectorySeparatorChar, Comparison);
    }

    /// <summary>Whether a protected entry covers the candidate: the same path, a file in it, or a name that extends it (-wal, -shm).</summary>
    public static bool Covers(string protectedPath, string candidate)
    {
        var p = Path.TrimEndingDirectorySeparator(protectedPath);
        return Contains(p, candidate)
            || candidate.StartsWith(p, Comparison) && candidate.IndexOf(Path.DirectorySeparatorChar, p.Length) < 0;
    }

    private static bool IsPathSetting(string key) =>
        key.Contains(':', StringComparison.Ordinal)
        && !key.StartsWith(ConnectorOptions.Section + ":", StringComparison.OrdinalIgnoreCase)
        && PathSettingSuffixes.Any(s => key[(key.LastIndexOf(':') + 1)..].EndsWith(s, StringComparison.OrdinalIgnoreCase));

    private static string? TryFullPath(string value, string contentRoot)
    {
        if (value.Contains("://", StringComparison.Ordinal) || value.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            return Path.GetFullPath(value.Trim(), contentRoot);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }
}
