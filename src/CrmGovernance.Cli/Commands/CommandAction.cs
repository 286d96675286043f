using System.CommandLine;
using System.Data.Common;
using CrmGovernance.Core.Features.Sync.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Cli.Commands;

/// <summary>Runs a command's body on a started <see cref="CliHost"/> and turns what can go wrong into a message and an exit code.</summary>
internal static class CommandAction
{
    /// <summary>Resolves the content root, starts the host (migrating only when asked), runs the body, stops the host.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> OnHost(Option<string> contentRoot, bool migrate, Func<CliHost, ParseResult, Task<int>> body) =>
        async (parse, cancellationToken) =>
        {
            try
            {
                await using var host = await CliHost.StartAsync(CliHost.ContentRoot(parse.GetValue(contentRoot)), migrate, cancellationToken);
                return await body(host, parse);
            }
            catch (CliException e)
            {
                return Fail(e.ExitCode, e.Message);
            }
            catch (FlowBusyException e)
            {
                return Fail(ExitCodes.FlowBusy, e.Message);
            }
            catch (OperationCanceledException)
            {
                return Fail(ExitCodes.RunDidNotFinish, "Cancelled before the run started.");
            }
            catch (OptionsValidationException e)
            {
                return Fail(ExitCodes.ConfigurationOrDatabase, "Configuration problem: " + string.Join(" ", e.Failures));
            }
            catch (DbUpdateException e)
            {
                return Fail(ExitCodes.ConfigurationOrDatabase, "Database problem: " + (e.InnerException ?? e).Message);
            }
            catch (DbException e)
            {
                return Fail(ExitCodes.ConfigurationOrDatabase, "Database problem: " + e.Message);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // The engine's refusals (a flow that is not active, a configuration it cannot run) and file or EF problems.
                return Fail(ExitCodes.ConfigurationOrDatabase, e.Message);
            }
#pragma warning disable CA1031 // The last resort of a command line: a message and a documented exit code, not a crash dump.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return Fail(ExitCodes.ConfigurationOrDatabase, "Unexpected error: " + e);
            }
        };

    public static int Fail(int exitCode, string message)
    {
        Console.Error.WriteLine(message);
        return exitCode;
    }
}
