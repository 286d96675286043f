using System.Runtime.InteropServices;

namespace CrmGovernance.Benchmarks;

/// <summary>Dispatches <c>&lt;command&gt; [--option value]</c>; anything else prints the usage and exits with 2.</summary>
public static class CommandLine
{
    public const int UsageExitCode = 2;

    /// <summary>Ctrl+C or SIGTERM, as a shell reports a process ended by SIGINT.</summary>
    public const int StoppedExitCode = 130;

    public static async Task<int> RunAsync(IReadOnlyList<IBenchmarkCommand> commands, string[] args)
    {
        var command = args.Length == 0 ? null : commands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.OrdinalIgnoreCase));
        var options = command is null ? null : CommandOptions.Parse(args[1..]);
        if (command is null || options is null)
        {
            return Usage(commands, args.Length == 0 ? "No command given." : command is null ? $"Unknown command \"{args[0]}\"." : "Options are --name value pairs.");
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        // Stopped by a supervisor or `kill`: end as after Ctrl+C, so what the command made (a throwaway database) is removed.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });
        try
        {
            return await command.RunAsync(options, cancel.Token);
        }
        catch (ArgumentException ex)
        {
            return Usage(commands, ex.Message);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("Stopped before the end; no figures.");
            return StoppedExitCode;
        }
    }

    private static int Usage(IReadOnlyList<IBenchmarkCommand> commands, string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/CrmGovernance.Benchmarks -- <command> [--option value]");
        foreach (var command in commands)
        {
            Console.Error.WriteLine($"  {command.Name,-14} {command.Usage}");
        }
        return UsageExitCode;
    }
}
