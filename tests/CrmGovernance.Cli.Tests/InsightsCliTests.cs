using System.Globalization;
using System.Text.RegularExpressions;
using CrmGovernance.Core.Tests.Features.Sync.Engine;

namespace CrmGovernance.Cli.Tests;

/// <summary><c>crmgov insights rebuild</c> on a demo database (its generated history written by <c>crmgov migrate</c>).</summary>
public sealed class InsightsCliTests
{
    [Fact]
    public async Task Rebuild_recomputes_the_roll_ups_of_every_finished_run_and_says_how_many()
    {
        using var workspace = await AuditCliWorkspace.CreateAsync("""{ "Enabled": true, "Live": false }""");
        var runs = await CliWorkspace.ScalarAsync(workspace.DatabasePath, "SELECT COUNT(*) FROM SyncRuns WHERE DryRun = 0 AND Status <> 'Running'");
        await workspace.ExecuteRawAsync("DELETE FROM MetricBuckets; DELETE FROM MetricContributions;");

        var rebuild = await workspace.RunAsync("insights", "rebuild");

        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.True(runs > 1_000, $"the demo history has only {runs} runs");
        var summary = Regex.Match(rebuild.Output, @"^rebuilt (\d+) runs, (\d+) units, (\d+) buckets in \d+\.\d s$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        Assert.True(summary.Success, rebuild.ToString());
        Assert.Equal(runs, long.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(await CliWorkspace.ScalarAsync(workspace.DatabasePath, "SELECT COUNT(*) FROM MetricBuckets"), long.Parse(summary.Groups[3].Value, CultureInfo.InvariantCulture));
        Assert.Contains("runs counted.", rebuild.Output + rebuild.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_without_a_database_says_how_to_create_one()
    {
        var root = Path.Combine(Path.GetTempPath(), "crmgov-insights-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, "appsettings.json"), """{ "Database": { "Path": "data/portal.db" } }""");
            using var process = CrmgovProcess.Start(["--content-root", root, "insights", "rebuild"]);
            var exitCode = await process.WaitAsync(TimeSpan.FromMinutes(3));

            Assert.Equal(5, exitCode);
            Assert.Contains("crmgov migrate", process.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
