using ArchUnitNET.Loader;
using CrmGovernance.Web.Components;

namespace CrmGovernance.Architecture.Tests;

/// <summary>Holds Web's feature folders to Core's names and order, read from the compiled portal (Razor components included).</summary>
public sealed class WebBoundaryTests
{
    private static readonly ArchUnitNET.Domain.Architecture Compiled = new ArchLoader().LoadAssemblies(typeof(App).Assembly).Build();

    [Fact]
    public void No_web_feature_uses_a_web_feature_after_it()
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Compiled.Types)
        {
            if (WebBoundaries.FolderOf(type.Namespace.FullName) is not { } from)
            {
                continue;
            }
            foreach (var target in type.Dependencies.Select(d => d.Target))
            {
                if (WebBoundaries.FolderOf(target.Namespace.FullName) is { } to && !WebBoundaries.MayUse(from, to))
                {
                    violations.Add($"{from} → {to}: {Short(type.FullName)} uses {Short(target.FullName)}");
                }
            }
        }
        Assert.True(violations.Count == 0,
            $"{violations.Count} uses against the direction in docs/architecture.md (\"Web\"):\n" + string.Join('\n', violations.Take(60)));
    }

    [Fact]
    public void No_web_feature_uses_a_core_feature_after_it_beyond_the_listed_ones()
    {
        // Web/Features/Configuration is the UI of Core's Configuration: it shows what Configuration and the features before
        // it hold, plus the uses WebBoundaries.LaterCoreUses lists with their reason. A later feature that adds to an
        // earlier one's page does it from its own folder, never by being named there.
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Compiled.Types)
        {
            if (WebBoundaries.FolderOf(type.Namespace.FullName) is not { } from)
            {
                continue;
            }
            foreach (var target in type.Dependencies.Select(d => d.Target))
            {
                if (FeatureBoundaries.FolderOf(target.Namespace.FullName) is { } to && !WebBoundaries.MayUseCore(from, to))
                {
                    violations.Add($"Web {from} → Core {to}: {Short(type.FullName)} uses {Short(target.FullName)}");
                }
            }
        }
        Assert.True(violations.Count == 0,
            $"{violations.Count} uses against the direction in docs/architecture.md (\"Web\"):\n" + string.Join('\n', violations.Take(60)));
    }

    [Fact]
    public void The_web_rule_refuses_a_use_against_the_direction()
    {
        Assert.False(WebBoundaries.MayUse("Features/ChangeControl", "Features/Sync"));
        Assert.False(WebBoundaries.MayUse("Features/Configuration", "Features/ChangeControl"));
        Assert.False(WebBoundaries.MayUse("Features/Forecasts", "Features/Sync")); // a new feature must be placed first
        Assert.True(WebBoundaries.MayUse("Features/Incidents", "Features/Users"));
        Assert.True(WebBoundaries.MayUse("Features/Users", "Components"));
        Assert.True(WebBoundaries.MayUse("Components", "Features/Insights")); // Home's card
        Assert.False(WebBoundaries.MayUseCore("Features/Configuration", "Features/Incidents")); // the flows' health is Incidents' column
        Assert.False(WebBoundaries.MayUseCore("Features/ChangeControl", "Features/Sync")); // the dry runs are Sync's slot
        Assert.True(WebBoundaries.MayUseCore("Features/Configuration", "Features/ChangeControl")); // listed, with its reason
        Assert.True(WebBoundaries.MayUseCore("Features/Insights", "Features/Incidents"));
    }

    [Fact]
    public void Every_feature_folder_of_web_is_a_core_feature()
    {
        var root = Repository.Root();
        var web = Directory.GetDirectories(Path.Combine(root, "src", "CrmGovernance.Web", "Features")).Select(d => Path.GetFileName(d)!).ToList();
        var strays = web.Where(f => !FeatureBoundaries.Features.Contains(f)).ToList();
        Assert.True(strays.Count == 0, "Web feature folders with no Core feature of the same name: " + string.Join(", ", strays));
    }

    [Fact]
    public void The_web_test_tree_is_named_after_web_features_and_the_frame()
    {
        var root = Repository.Root();
        var features = Path.Combine(root, "src", "CrmGovernance.Web", "Features");
        var strays = Directory.GetDirectories(Path.Combine(root, "tests", "CrmGovernance.Web.Tests"))
            .Select(d => Path.GetFileName(d)!)
            .Where(d => d is not ("bin" or "obj" or "TestResults") && !WebBoundaries.FrameTests.Contains(d) && !Directory.Exists(Path.Combine(features, d)))
            .ToList();
        Assert.True(strays.Count == 0, "Web.Tests folders with no Web/Features folder of the same name: " + string.Join(", ", strays));
    }

    private static string Short(string fullName) => fullName.Replace("CrmGovernance.", "", StringComparison.Ordinal);
}
