using System.CommandLine;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Cli.Commands;

/// <summary><c>crmgov sync run &lt;flow&gt; [--dry-run]</c>: one run of a flow to its end, then its summary.</summary>
internal static class SyncRunCommand
{
    public static Command Create(Option<string> contentRoot)
    {
        var flow = new Argument<string>("flow") { Description = "The flow's name (any case; quote it) or id; crmgov sync flows lists them." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Evaluate the waiting records (at most Sync:DryRunMaxRecords) without writing anything." };
        var command = new Command("run", "Runs a flow of the published configuration to its end and prints the run: id, status, counts per outcome, duration, records/s. "
            + "Ctrl+C stops it after the current batch (the run ends interrupted; the next run carries on).")
        {
            flow, dryRun,
        };
        command.SetAction(CommandAction.OnHost(contentRoot, migrate: false, async (host, parse) =>
        {
            var published = await host.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync(host.Stopping);
            var target = FlowFinder.Find(published, parse.GetRequiredValue(flow));
            var request = new SyncRunRequest(target.Id, SyncTrigger.Cli, StartedBy, DryRun: parse.GetValue(dryRun));
            Console.WriteLine($"{(request.DryRun ? "Dry-running" : "Running")} \"{target.Name}\" ({target.Id}); Ctrl+C stops it after the current batch.");
            var run = await host.Services.GetRequiredService<SyncRunner>().RunAsync(request, ActorContext.System(StartedBy), host.Stopping);
            return RunReport.Print(run, Console.Out);
        }));
        return command;
    }

    /// <summary>Who runs are recorded as started by.</summary>
    public static string StartedBy => $"{Environment.UserName} (command line)";
}
