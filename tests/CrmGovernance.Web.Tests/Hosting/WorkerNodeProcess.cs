using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>
/// The built portal (CrmGovernance.Web.dll, copied beside the tests by the project reference) run with <c>dotnet</c> in
/// a process of its own, configured through environment variables as an operator would. SIGKILL ends it without any
/// handler running, as a power cut or the OOM killer would.
/// </summary>
internal sealed partial class WorkerNodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerNodeProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Whether the test killed it (any other exit is a failure).</summary>
    public bool Killed { get; private set; }

    /// <summary>Standard output and error so far (the console log), for failure messages and log checks.</summary>
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

    public static WorkerNodeProcess Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CrmGovernance.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        // Two nodes starting at once on two loaded cores: the instrumented JIT tier only costs CPU here.
        start.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = new Process { StartInfo = start };
        var node = new WorkerNodeProcess(name, process);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits for the host's "is running" line; fails with the node's output when it exits or takes longer.</summary>
    public async Task StartedAsync(TimeSpan patience)
    {
        var exited = _process.WaitForExitAsync();
        var done = await Task.WhenAny(_started.Task, exited, Task.Delay(patience));
        if (done != _started.Task)
        {
            throw new TimeoutException(
                $"Node {Name} {(done == exited ? "exited" : $"did not start within {patience.TotalSeconds:N0} s")}. Its output:\n{Output}");
        }
    }

    /// <summary>Lines of the console log that contain <paramref name="text"/>.</summary>
    public int CountLines(string text) =>
        Output.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>SIGKILL: no handler runs, the node neither checks out of the cluster nor releases its leases.</summary>
    public async Task KillAsync()
    {
        Killed = true;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP: the process stays alive but does nothing, as in a long garbage collection or a frozen VM.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>SIGCONT: the paused process carries on where it stopped.</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // SIGKILL ends a paused process too.
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync();
        Assert.True(kill.ExitCode == 0, $"kill {signal} {_process.Id} failed.");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (Running().IsMatch(line))
        {
            _started.TrySetResult();
        }
    }

    [GeneratedRegex(@"CrmGovernance is running at http://127\.0\.0\.1:\d+ as node")]
    private static partial Regex Running();

    /// <summary>The dotnet host running these tests (dotnet test sets DOTNET_HOST_PATH), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current
        : "dotnet";
}
