using System.CommandLine;
using System.Globalization;
using CrmGovernance.Core.Features.ChangeControl;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Cli.Commands;

/// <summary><c>crmgov sync flows</c>: the flows of the published configuration, so users find the names to run.</summary>
internal static class SyncFlowsCommand
{
    public static Command Create(Option<string> contentRoot)
    {
        var command = new Command("flows", "Lists the flows of the published configuration: name, id, status, pattern.");
        command.SetAction(CommandAction.OnHost(contentRoot, migrate: false, async (host, _) =>
        {
            var published = await host.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync(host.Stopping);
            if (published.Version == 0)
            {
                Console.WriteLine("No configuration is published yet.");
                return ExitCodes.Succeeded;
            }
            var flows = published.Configuration.Flows.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Configuration version {published.Version}, published {published.PublishedUtc:yyyy-MM-dd HH:mm} UTC: {flows.Count} flow(s)"));
            var width = flows.Select(f => f.Name.Length).Append(4).Max();
            Console.WriteLine($"{"NAME".PadRight(width)}  {"ID",-36}  {"STATUS",-7}  PATTERN");
            foreach (var flow in flows)
            {
                Console.WriteLine($"{flow.Name.PadRight(width)}  {flow.Id,-36}  {flow.Status,-7}  {flow.Pattern}");
            }
            return ExitCodes.Succeeded;
        }));
        return command;
    }
}
