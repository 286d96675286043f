using System.Diagnostics;
using CrmGovernance.Core.Tests.Features.Sync.Engine;

namespace CrmGovernance.Cli.Tests;

/// <summary>One <c>crmgov match</c> run to its end as a child process, with standard output and error kept apart.</summary>
internal sealed record MatchCliRun(int ExitCode, string Output, string Error)
{
    public static async Task<MatchCliRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(CrmgovProcess.DotnetHost())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.ArgumentList.Add(CrmgovProcess.DllPath());
        start.ArgumentList.Add("match");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        // Generous: the test machine runs builds beside the tests.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("crmgov match did not finish within 3 minutes.");
        }
        return new MatchCliRun(process.ExitCode, await output, await error);
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}
