using System.CommandLine;
using System.Net.Sockets;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Copy;
using CrmGovernance.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrmGovernance.Cli.Commands;

/// <summary>
/// <c>crmgov db copy --to-postgres "…"</c>: moves an installation from its SQLite file to PostgreSQL. Migrates the target,
/// refuses one that holds portal data unless told, copies every table (DatabaseCopy in Core), then verifies the row
/// counts and the audit chain on the target and prints the settings to switch to it.
/// </summary>
internal static class DbCopyCommand
{
    public static Command Create(Option<string> contentRoot)
    {
        var toPostgres = new Option<string>("--to-postgres")
        {
            Description = "The target PostgreSQL database's connection string (Npgsql form, e.g. \"Host=db;Database=crmgov;Username=crmgov;Password=…\"). "
                + "The database must exist; its tables are created by the copy. The password is never printed.",
            HelpName = "connection string",
            Required = true,
        };
        var overwrite = new Option<bool>("--overwrite-target")
        {
            Description = "Copy into a target that already holds portal data: its portal tables are emptied first, in the same transaction as the copy "
                + "(what is removed is listed before). Without it such a target is refused and left untouched.",
        };
        var command = new Command("copy",
            "Copies every table of the installation's SQLite database (Database:Path), audit chain included, into a PostgreSQL database, then verifies "
            + "the row counts and the audit chain there and prints the settings that switch the portal to it. Stop the portal and workers first: "
            + "what they write during the copy is not copied.")
        {
            toPostgres, overwrite,
        };
        command.SetAction(CommandAction.OnHost(contentRoot, migrate: false,
            (host, parse) => RunAsync(host, parse.GetRequiredValue(toPostgres), parse.GetValue(overwrite))));
        return command;
    }

    private static async Task<int> RunAsync(CliHost host, string connectionString, bool overwrite)
    {
        if (host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider != DatabaseProvider.Sqlite)
        {
            throw new CliException(ExitCodes.ConfigurationOrDatabase,
                "Database:Provider is not Sqlite: db copy copies the installation's SQLite database; run it with the settings that still point at SQLite.");
        }
        CopyTargetContexts contexts;
        try
        {
            contexts = new CopyTargetContexts(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new CliException(ExitCodes.Usage, "--to-postgres is not a PostgreSQL connection string: " + e.Message);
        }
        var ct = host.Stopping;
        Console.WriteLine($"Source: {host.DatabasePath} (SQLite)");
        Console.WriteLine($"Target: {contexts.Redacted}");
        await ConnectAsync(contexts.ConnectionString, ct);
        await using var target = contexts.CreateDbContext();
        var pending = (await target.Database.GetPendingMigrationsAsync(ct)).ToList();
        await target.Database.MigrateAsync(ct);
        Console.WriteLine(pending.Count == 0 ? "Target schema: up to date." : $"Target schema: applied {pending.Count} migration(s), up to {pending[^1]}.");

        await using var source = await host.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
        var copy = new DatabaseCopy(source, target);
        var used = await copy.UsedTargetTablesAsync(ct);
        if (used.Count > 0 && !overwrite)
        {
            DbCopyReport.Refused(used);
            return ExitCodes.TargetNotEmpty;
        }
        if (used.Count > 0)
        {
            DbCopyReport.Overwriting(used);
        }

        Console.WriteLine($"Copying {copy.Tables.Count} tables in one transaction…");
        IReadOnlyList<TableCopied> copied;
        try
        {
            copied = await copy.CopyAsync(overwrite, new DbCopyReport.Progress(), ct);
        }
        catch (TargetNotEmptyException e)
        {
            DbCopyReport.Refused(e.Used);
            return ExitCodes.TargetNotEmpty;
        }
        DbCopyReport.Copied(copied);

        var counts = await copy.CountsAsync(ct);
        DbCopyReport.Counts(counts);
        Console.WriteLine("Verifying the audit chain on the target…");
        var chain = await new AuditChainVerifier(contexts, host.Services.GetRequiredService<AuditChainKey>(),
            host.Services.GetRequiredService<AuditWitness>()).VerifyAsync(cancellationToken: ct);
        AuditVerifyCommand.Print(chain.IsIntact, chain.RowsChecked, chain.HeadSequence, chain.HeadHash, chain.FirstBrokenSequence, chain.Problem);
        if (!chain.IsIntact || counts.Any(c => !c.Equal))
        {
            Console.Error.WriteLine("The copy does NOT verify (see above): keep the portal on SQLite and do not use the target.");
            return ExitCodes.CopyNotVerified;
        }
        DbCopyReport.NextSteps(contexts.Redacted);
        return ExitCodes.Succeeded;
    }

    /// <summary>
    /// Opens the target once, outside EF Core (whose execution strategy would wrap the error), so a wrong host, port,
    /// database or password is told apart from the copy's own problems.
    /// </summary>
    private static async Task ConnectAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new CliException(ExitCodes.TargetUnreachable, "Cannot connect to the target PostgreSQL database: " + e.Message);
        }
    }
}
