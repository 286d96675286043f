using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Architecture.Tests;

/// <summary>Holds Core to one dependency direction, read from the compiled assembly (method bodies included).</summary>
public sealed class FeatureBoundaryTests
{
    private static readonly ArchUnitNET.Domain.Architecture Compiled = new ArchLoader().LoadAssemblies(typeof(CrmDbContext).Assembly).Build();

    [Fact]
    public void No_feature_uses_a_feature_after_it_and_the_foundation_uses_no_feature()
    {
        // The one DbContext maps every feature's entities: Data may name them (and only them).
        var entities = EntityTypeNames();
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Compiled.Types)
        {
            if (FeatureBoundaries.FolderOf(type.Namespace.FullName) is not { } from
                || type.FullName.StartsWith(FeatureBoundaries.CompositionRoot, StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var dependency in type.Dependencies)
            {
                var target = dependency.Target;
                if (FeatureBoundaries.FolderOf(target.Namespace.FullName) is not { } to || FeatureBoundaries.MayUse(from, to)
                    || from == "Data" && entities.Contains(target.FullName))
                {
                    continue;
                }
                violations.Add($"{from} → {to}: {Short(type.FullName)} uses {Short(target.FullName)}");
            }
        }
        Assert.True(violations.Count == 0,
            $"{violations.Count} uses against the direction in docs/architecture.md:\n" + string.Join('\n', violations.Take(60)));
    }

    [Fact]
    public void The_rule_refuses_a_use_against_the_direction()
    {
        Assert.False(FeatureBoundaries.MayUse("Features/Sync", "Features/Stewardship"));
        Assert.False(FeatureBoundaries.MayUse("Features/Configuration", "Features/ChangeControl"));
        Assert.False(FeatureBoundaries.MayUse("Access", "Features/Audit"));
        Assert.False(FeatureBoundaries.MayUse("Features/Sync", "Features/Insights"));
        Assert.False(FeatureBoundaries.MayUse("Features/Forecasts", "Features/Sync")); // a new feature must be placed first
        Assert.True(FeatureBoundaries.MayUse("Features/Stewardship", "Features/Sync"));
        Assert.True(FeatureBoundaries.MayUse("Features/Users", "Events"));
    }

    [Fact]
    public void Every_feature_folder_of_core_is_placed_in_the_direction()
    {
        var folders = Directory.GetDirectories(Path.Combine(Repository.Root(), "src", "CrmGovernance.Core", "Features")).Select(d => Path.GetFileName(d)!).Order().ToList();
        Assert.Equal(FeatureBoundaries.Features.Order().ToList(), folders);
    }

    [Fact]
    public void The_core_test_tree_mirrors_core_features_folder_for_folder()
    {
        var root = Repository.Root();
        var source = Path.Combine(root, "src", "CrmGovernance.Core", "Features");
        var tests = Path.Combine(root, "tests", "CrmGovernance.Core.Tests", "Features");
        var strays = Directory.GetDirectories(tests, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(tests, d))
            .Where(d => !Directory.Exists(Path.Combine(source, d)))
            .ToList();
        Assert.True(strays.Count == 0, "Test folders with no Core/Features folder of the same name: " + string.Join(", ", strays));
        var untested = Directory.GetDirectories(source).Select(Path.GetFileName).Where(f => !Directory.Exists(Path.Combine(tests, f!))).ToList();
        Assert.True(untested.Count == 0, "Features without a test folder: " + string.Join(", ", untested));

        // Beside Features, the test project's folders are Core's foundation folders (Data, Events, …), nothing else.
        var core = Path.Combine(root, "src", "CrmGovernance.Core");
        var other = Directory.GetDirectories(Path.Combine(root, "tests", "CrmGovernance.Core.Tests"))
            .Select(d => Path.GetFileName(d)!)
            .Where(d => d is not ("bin" or "obj") && !Directory.Exists(Path.Combine(core, d)))
            .ToList();
        Assert.True(other.Count == 0, "Test folders with no Core folder of the same name: " + string.Join(", ", other));
    }

    private static HashSet<string> EntityTypeNames()
    {
        using var db = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model.GetEntityTypes().Select(e => e.ClrType.FullName!).ToHashSet(StringComparer.Ordinal);
    }

    private static string Short(string fullName) => fullName.Replace(FeatureBoundaries.Core + ".", "", StringComparison.Ordinal);
}
