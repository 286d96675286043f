using CrmGovernance.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Systems.Connectors.Files;

/// <summary>
/// Where connector files may be (Connectors:FileRoots): a path setting resolves against the data folder, every link
/// along it is followed, and the real path must lie in a root and be none of the portal's own files. Checked when a
/// change request is submitted and approved, and again whenever a connector uses the path.
/// </summary>
public sealed class ConnectorPaths
{
    private readonly List<string> _protected = [];

    public ConnectorPaths(IOptions<ConnectorOptions> options, IOptions<DatabaseOptions> database, IEnumerable<IConnectorFileRoots> extraRoots,
        IHostEnvironment environment, IConfiguration configuration)
    {
        var contentRoot = environment.ContentRootPath;
        var databasePath = database.Value.FullPath(contentRoot);
        DataFolder = Path.GetDirectoryName(databasePath)!;
        var roots = options.Value.FileRoots.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => Path.GetFullPath(r.Trim(), contentRoot)).ToList();
        if (roots.Count == 0)
        {
            roots.Add(Path.Combine(DataFolder, "connectors"));
        }
        // Roots other features add (the demo systems' databases when the demo is on), so this feature needs none of them.
        roots.AddRange(extraRoots.SelectMany(r => r.Under(DataFolder)));
        Roots = roots.Select(Real).Distinct().ToList();
        foreach (var path in PortalFiles.Of(configuration, contentRoot, DataFolder, databasePath, options.Value.ProtectedPaths))
        {
            _protected.Add(path);
            _protected.Add(Real(path));
        }
    }

    /// <summary>The folder holding the portal database, against which relative connector paths resolve.</summary>
    public string DataFolder { get; }

    /// <summary>The folders connector files must be in, links resolved.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>The real path of a path setting, or an error naming the setting and the system.</summary>
    /// <exception cref="InvalidOperationException">The path may not be used (the message says why).</exception>
    public string Resolve(string value, string setting, string system) =>
        Problem(value, out var path) is { } problem
            ? throw new InvalidOperationException($"The setting '{setting}' of the {system} {problem}")
            : path;

    /// <summary>Why a path setting may not be used ("points to …, outside …"), or null with its real path.</summary>
    public string? Problem(string value, out string path)
    {
        (var problem, path) = Check(value);
        return problem;
    }

    private (string? Problem, string Path) Check(string value)
    {
        var text = value.Trim();
        if (text.Split('/', '\\').Contains(".."))
        {
            return ($"may not contain '..' ('{value}'): give the path from the data folder or a full path inside {Folders}.", "");
        }
        string lexical, path;
        try
        {
            lexical = Path.GetFullPath(text, DataFolder);
            path = RealPath.Of(lexical);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            return ($"is not a path the portal can use ('{value}'): {e.Message}", "");
        }
        if (_protected.Any(p => PortalFiles.Covers(p, lexical) || PortalFiles.Covers(p, path)))
        {
            return ($"points to {path}, one of the portal's own files (its database, keys, logs, exports or settings), which no connector may use.", path);
        }
        if (!Roots.Any(r => PortalFiles.Contains(r, path)))
        {
            var via = path == lexical ? "" : $" through a link ({lexical})";
            return ($"points{via} to {path}, outside the folders connectors may use ({Folders}). " +
                "Whoever runs the server can add a folder to Connectors:FileRoots.", path);
        }
        return (null, path);
    }

    private string Folders => string.Join(", ", Roots);

    private static string Real(string path)
    {
        try
        {
            return RealPath.Of(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }
}
