using System.Diagnostics;
using System.Text;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>The command line (crmgov.dll, built beside the tests through the project reference) as a child process.</summary>
internal sealed class CrmgovProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CrmgovProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Standard output and error so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static CrmgovProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // A short-lived process: without the instrumented JIT tier it spends about a third less CPU compiling.
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.ArgumentList.Add(DllPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = new Process { StartInfo = start };
        var crmgov = new CrmgovProcess(process);
        process.OutputDataReceived += (_, e) => crmgov.Append(e.Data);
        process.ErrorDataReceived += (_, e) => crmgov.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return crmgov;
    }

    /// <summary>Waits for the process to end; kills it when it takes longer than <paramref name="timeout"/>.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crmgov did not finish within {timeout.TotalSeconds:N0} s. Its output:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>SIGKILL on Linux: no handler runs, nothing is flushed or released.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>crmgov.dll with its runtimeconfig beside the tests; else the CLI project's own output of the same configuration.</summary>
    internal static string DllPath()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "crmgov.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "crmgov.runtimeconfig.json")))
        {
            return beside;
        }
        // tests/CrmGovernance.Core.Tests/bin/<Configuration>/<tfm>/ → src/CrmGovernance.Cli/bin/<Configuration>/<tfm>/crmgov.dll
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var built = Path.Combine(root, "src", "CrmGovernance.Cli", "bin", output.Parent.Name, output.Name, "crmgov.dll");
        return File.Exists(built) ? built : throw new FileNotFoundException($"crmgov.dll is neither at {beside} nor at {built}: build the solution first.");
    }

    /// <summary>The dotnet host running these tests (dotnet test sets DOTNET_HOST_PATH), else the one on the PATH.</summary>
    internal static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current
        : "dotnet";
}
