using CrmGovernance.Core.Tests.Features.Matching;

namespace CrmGovernance.Cli.Tests;

/// <summary>The labelled record-linkage files (shared/datasets, outside the repository), found as the engine tests find them.</summary>
internal static class MatchDatasets
{
    public static string Folder { get; } = LabelledDataset.Folder();

    public static string File(string name) => Path.Combine(Folder, name);
}
