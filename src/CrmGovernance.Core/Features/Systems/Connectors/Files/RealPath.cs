namespace CrmGovernance.Core.Features.Systems.Connectors.Files;

/// <summary>
/// A path with every symbolic link along it resolved (realpath(3)), so a check sees where a file really is. The part
/// that does not exist yet is kept as written: it cannot be a link.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    /// <exception cref="IOException">More than 40 links (a loop), or a part of the path cannot be read.</exception>
    public static string Of(string fullPath)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(fullPath), ref links);
    }

    private static string Resolve(string fullPath, ref int links)
    {
        var root = Path.GetPathRoot(fullPath) ?? "";
        var parts = fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"{fullPath} goes through more than {MaxLinks} links.");
                }
                current = Resolve(Path.GetFullPath(target, current), ref links);
            }
            else if (info.Exists || Directory.Exists(next))
            {
                current = next;
            }
            else
            {
                return Path.Combine([next, .. parts[(i + 1)..]]);
            }
        }
        return current;
    }
}
