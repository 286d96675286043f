using System.Diagnostics;
using System.Text;
using CrmGovernance.Core.Tests.Features.Sync.Engine;

namespace CrmGovernance.Core.Tests.Scheduling;

/// <summary>A <see cref="SchedulerNode"/> in a child process: this test assembly started with the node command.</summary>
internal sealed class SchedulerNodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SchedulerNodeProcess(Process process) => _process = process;

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

    public static SchedulerNodeProcess Start(string connectionString, int checkinSeconds, int thresholdSeconds)
    {
        var start = new ProcessStartInfo(CrmgovProcess.DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var arg in new[] { typeof(SchedulerNode).Assembly.Location, SchedulerNode.Command, connectionString,
            checkinSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), thresholdSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }
        var process = new Process { StartInfo = start };
        var node = new SchedulerNodeProcess(process);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>The node's Quartz instance id, once its scheduler runs.</summary>
    public async Task<string> StartedAsync(TimeSpan patience)
    {
        var done = await Task.WhenAny(_started.Task, Task.Delay(patience));
        return done == _started.Task ? await _started.Task
            : throw new TimeoutException($"The scheduler node did not start within {patience.TotalSeconds:N0} s. Its output:\n{Output}");
    }

    /// <summary>SIGKILL: no handler runs, the node neither checks out nor releases what it holds.</summary>
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
            _process.WaitForExit();
        }
        _process.Dispose();
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
        if (line.StartsWith("started ", StringComparison.Ordinal))
        {
            _started.TrySetResult(line["started ".Length..]);
        }
    }
}
