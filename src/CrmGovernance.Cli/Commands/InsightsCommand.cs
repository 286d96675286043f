using System.CommandLine;
using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Insights;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Cli.Commands;

/// <summary>
/// <c>crmgov insights rebuild</c>: recomputes the insights roll-ups from the ledger (after an upgrade that adds a figure,
/// or to check that the dashboard tells the truth), as a system actor. Live roll-ups in a running portal wait for it.
/// </summary>
internal static class InsightsCommand
{
    public static Command Create(Option<string> contentRoot) =>
        new("insights", "Keeps the insights dashboard's roll-ups.") { Rebuild(contentRoot) };

    private static Command Rebuild(Option<string> contentRoot)
    {
        var command = new Command("rebuild",
            "Recomputes every insights roll-up (hour and day buckets) from the runs and their record outcomes, the review and error queues, "
            + "the duplicate scans and the incidents. Progress goes to standard error; the summary line to standard output.");
        command.SetAction(CommandAction.OnHost(contentRoot, migrate: false, async (host, _) =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem(AuditCommand.Actor, null);
            Console.Error.WriteLine("Rebuilding the insights roll-ups from the ledger…");
            var result = await scope.ServiceProvider.GetRequiredService<InsightsRebuild>().RebuildAsync(new StandardError(), host.Stopping);
            Console.WriteLine(Summary(result));
            return ExitCodes.Succeeded;
        }));
        return command;
    }

    /// <summary>The summary line: <c>rebuilt N runs, M units, B buckets in T s</c>.</summary>
    public static string Summary(RebuildResult result) => string.Create(CultureInfo.InvariantCulture,
        $"rebuilt {result.Runs} runs, {result.Units} units, {result.Buckets} buckets in {result.Elapsed.TotalSeconds:0.0} s");

    /// <summary>Progress lines as they come (Progress&lt;T&gt; would post them later, after the summary).</summary>
    private sealed class StandardError : IProgress<string>
    {
        public void Report(string value) => Console.Error.WriteLine(value);
    }
}
