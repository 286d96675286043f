namespace CrmGovernance.Core.Tests.Cli;

/// <summary>The labelled record-linkage files (shared/datasets, outside the repository).</summary>
internal static class MatchDatasets
{
    /// <summary>$CRMGOV_DATASETS, else the first shared/datasets above the test binaries, else /work/shared/datasets.</summary>
    public static string Folder { get; } = Locate();

    public static string File(string name) => Path.Combine(Folder, name);

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("CRMGOV_DATASETS") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return "/work/shared/datasets";
    }
}
