using CrmGovernance.Benchmarks.Webhook;

namespace CrmGovernance.Benchmarks;

/// <summary>Entry point: <c>&lt;command&gt; [--option value]</c>. (Namespaced, so global::Program stays the portal's.)</summary>
public static class Program
{
    // The commands, one line each.
    private static readonly IBenchmarkCommand[] Commands =
    [
        new WebhookBenchmark(),
        new Sync.SyncBenchmark(),
        new Matching.MatchScanBenchmark(),
        new Matching.MatchIncrementalBenchmark(),
        new Matching.MatchIndexBenchmark(),
        new Audit.AuditBrowseBenchmark(),
        new Audit.AuditExportBenchmark(),
        new Security.SignInBenchmark(),
        new Uploads.HostileImportsBenchmark(),
        new Insights.DashboardBenchmark(),
        new Quality.AssessBenchmark(),
        new Scenarios.ScenariosBenchmark(),
    ];

    public static Task<int> Main(string[] args) => CommandLine.RunAsync(Commands, args);
}
