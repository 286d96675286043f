namespace CrmGovernance.Architecture.Tests;

/// <summary>
/// The one dependency direction through Core (docs/architecture.md): the foundation folders serve every feature and use
/// none; a feature uses the foundation and only the features listed before it. A new feature (incidents, insights, data
/// quality) goes after the ones it reads and subscribes to operations events instead of being called by them.
/// </summary>
internal static class FeatureBoundaries
{
    public const string Core = "CrmGovernance.Core";

    /// <summary>Folders of Core outside Features that every feature may use; they use no feature.</summary>
    public static readonly string[] Foundation = ["Access", "Data", "Events", "Hosting", "Scheduling", "Spreadsheets"];

    /// <summary>Where the features are put together (one Add&lt;Feature&gt; each, in order): the one type that may use everything.</summary>
    public const string CompositionRoot = Core + ".CoreServices";

    /// <summary>Features in dependency order: each may use those before it, never one after it.</summary>
    public static readonly string[] Features =
        ["Users", "Configuration", "Systems", "ChangeControl", "Matching", "Sync", "Stewardship", "Audit", "Incidents", "Notifications", "Insights", "Quality", "Scenarios", "FirstRun"];

    /// <summary>The folder a namespace of Core belongs to: "Features/Sync", "Access", "" (Core's root) or null (not Core).</summary>
    public static string? FolderOf(string? ns) => FolderOf(ns, Core);

    /// <summary>The same for the project whose root namespace is <paramref name="root"/> (Core or Web: both have Features/&lt;Feature&gt;).</summary>
    public static string? FolderOf(string? ns, string root)
    {
        if (ns is null || !(ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal)))
        {
            return null;
        }
        var parts = ns[root.Length..].Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return "";
        }
        return parts[0] == "Features" && parts.Length > 1 ? "Features/" + parts[1] : parts[0];
    }

    /// <summary>Whether feature folder <paramref name="from"/> comes after <paramref name="to"/> (or is it): "Features/Sync" may use "Features/Systems".</summary>
    public static bool IsAtOrAfter(string from, string to)
    {
        var user = Array.IndexOf(Features, from["Features/".Length..]);
        var used = Array.IndexOf(Features, to["Features/".Length..]);
        return user >= 0 && used >= 0 && used <= user;
    }

    /// <summary>Whether code in folder <paramref name="from"/> may use a type of folder <paramref name="to"/>.</summary>
    public static bool MayUse(string from, string to)
    {
        if (from == to || to == "")
        {
            return true;
        }
        if (Foundation.Contains(to))
        {
            return true;
        }
        if (!from.StartsWith("Features/", StringComparison.Ordinal) || !to.StartsWith("Features/", StringComparison.Ordinal))
        {
            return false;
        }
        var user = Array.IndexOf(Features, from["Features/".Length..]);
        var used = Array.IndexOf(Features, to["Features/".Length..]);
        return user >= 0 && used >= 0 && used < user;
    }
}
