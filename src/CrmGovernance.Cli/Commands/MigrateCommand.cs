using System.CommandLine;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Cli.Commands;

/// <summary><c>crmgov migrate</c>: what the portal does at start (migrations, WAL, demo or first-admin seeding), then the schema version.</summary>
internal static class MigrateCommand
{
    public static Command Create(Option<string> contentRoot)
    {
        var command = new Command("migrate",
            "Creates or upgrades the database and seeds it as the portal does at start (Demo and Bootstrap settings); prints the schema version.");
        command.SetAction(CommandAction.OnHost(contentRoot, migrate: true, async (host, _) =>
        {
            var applied = await host.QueryAsync(async db => (await db.Database.GetAppliedMigrationsAsync(host.Stopping)).ToList(), host.Stopping);
            Console.WriteLine($"Database: {host.DatabasePath}");
            Console.WriteLine(host.PendingAtStart.Count == 0
                ? "No migration was pending."
                : $"Applied {host.PendingAtStart.Count} migration(s): {string.Join(", ", host.PendingAtStart)}.");
            Console.WriteLine($"Schema version: {(applied.Count == 0 ? "(none)" : applied[^1])} ({applied.Count} migrations applied)");
            return ExitCodes.Succeeded;
        }));
        return command;
    }
}
