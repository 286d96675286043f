namespace CrmGovernance.Architecture.Tests;

/// <summary>The repository's root folder, found from the test's output folder.</summary>
internal static class Repository
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CrmGovernance.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("CrmGovernance.sln not found above " + AppContext.BaseDirectory);
    }
}
