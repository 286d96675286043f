using System.CommandLine;
using System.CommandLine.Help;

namespace CrmGovernance.Cli.Commands;

/// <summary>The <c>crmgov</c> command tree, with the exit codes in every help page.</summary>
internal static class CrmgovCommand
{
    public static async Task<int> InvokeAsync(string[] args)
    {
        var contentRoot = new Option<string>("--content-root")
        {
            Description = $"Folder with the portal's appsettings.json; relative Database:Path values are under it. Default: ${CliHost.ContentRootVariable}, else the current directory.",
            HelpName = "dir",
            Recursive = true,
        };
        var sync = new Command("sync", "Runs flows, replays their error queue, lists them.")
        {
            SyncRunCommand.Create(contentRoot), SyncReplayCommand.Create(contentRoot), SyncFlowsCommand.Create(contentRoot),
        };
        var root = new RootCommand("crmgov: the CrmGovernance command line. migrate, sync, audit, insights and db work on the portal's database and settings; match works on a CSV file alone.")
        {
            contentRoot, MigrateCommand.Create(contentRoot), sync, MatchCommand.Create(), AuditCommand.Create(contentRoot), InsightsCommand.Create(contentRoot),
            DbCommand.Create(contentRoot),
        };
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction help } helpOption)
        {
            helpOption.Action = new HelpWithExitCodes(help);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpWithExitCodes)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine(error.Message);
            }
            Console.Error.WriteLine("See crmgov --help.");
            return ExitCodes.Usage;
        }
        // Ctrl+C and SIGTERM go to the host (a run ends interrupted after its current batch), not to a timeout here.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
