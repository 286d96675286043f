using System.CommandLine;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Cli.Commands;

/// <summary><c>crmgov sync replay &lt;flow&gt; --all | --id X ...</c>: the flow's open error-queue records again, with the current configuration.</summary>
internal static class SyncReplayCommand
{
    public static Command Create(Option<string> contentRoot)
    {
        var flow = new Argument<string>("flow") { Description = "The flow's name (any case; quote it) or id." };
        var all = new Option<bool>("--all") { Description = "Replay every open rejected, failed or held record of the flow." };
        var ids = new Option<long[]>("--id")
        {
            Description = "Replay these error-queue items (ids as the portal's error queue shows them); repeat or list several.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("replay", "Replays open error-queue records of a flow with the current published configuration, then prints the run.")
        {
            flow, all, ids,
        };
        command.Validators.Add(result =>
        {
            var some = result.GetValue(ids) is { Length: > 0 };
            if (result.GetValue(all) == some)
            {
                result.AddError("Say which records to replay: --all, or --id with one or more item ids (not both).");
            }
        });
        command.SetAction(CommandAction.OnHost(contentRoot, migrate: false, async (host, parse) =>
        {
            var published = await host.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync(host.Stopping);
            var target = FlowFinder.Find(published, parse.GetRequiredValue(flow));
            var chosen = parse.GetValue(all) ? null : parse.GetValue(ids);
            var open = await host.QueryAsync(db => db.ErrorQueueItems.AsNoTracking()
                .Where(e => e.FlowId == target.Id && e.Status == ErrorStatus.Open && e.Kind != ErrorKind.Inbound && e.SourceId != null)
                .Select(e => e.Id).ToListAsync(host.Stopping), host.Stopping);
            if (chosen?.Except(open).ToList() is { Count: > 0 } unknown)
            {
                throw new CliException(ExitCodes.Usage,
                    $"Not open records of \"{target.Name}\": {string.Join(", ", unknown)}. Open items: {(open.Count == 0 ? "none" : string.Join(", ", open.Order().Take(50)))}.");
            }
            if (open.Count == 0)
            {
                Console.WriteLine($"Nothing to replay: \"{target.Name}\" has no open rejected, failed or held records.");
                return ExitCodes.Succeeded;
            }
            Console.WriteLine($"Replaying {(chosen?.Distinct().Count() ?? open.Count)} record(s) of \"{target.Name}\".");
            var run = await host.Services.GetRequiredService<SyncRunner>().ReplayAsync(target.Id, chosen, SyncRunCommand.StartedBy, ActorContext.System(SyncRunCommand.StartedBy), host.Stopping);
            return RunReport.Print(run, Console.Out);
        }));
        return command;
    }
}
