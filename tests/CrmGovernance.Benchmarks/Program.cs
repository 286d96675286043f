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
    ];

    public static Task<int> Main(string[] args) => CommandLine.RunAsync(Commands, args);
}
