using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmGovernance.Core.Data;

/// <summary>
/// The first hosted service: applies migrations and switches the file to WAL, then runs the features' startup steps
/// (<see cref="IStartupStep"/>: seeding the first users, creating the demo systems) in registration order, so that all of
/// it is done before Data Protection loads its key ring and before any worker or the scheduler starts.
/// </summary>
internal sealed class DatabaseInitializer : IHostedService
{
    private readonly IServiceScopeFactory _scopes;

    /// <summary>Constructed first of the hosted services, before the others' constructors open key files in the data folder:
    /// the folder is created owner-only here.</summary>
    public DatabaseInitializer(IServiceScopeFactory scopes, CoreHost host)
    {
        _scopes = scopes;
        OwnerOnly.CreateFolder(host.DataFolder);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("startup", Guid.NewGuid().ToString("N"));
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // The provider's file and session settings (SQLite: the file owner-only before it exists, WAL after migrating).
            var session = db.Database.Dialect().Session;
            session.BeforeMigrate(db.Database);
            await MigrateAsync(db, cancellationToken);
            await session.AfterMigrateAsync(db.Database, cancellationToken);
        }
        foreach (var step in scope.ServiceProvider.GetServices<IStartupStep>())
        {
            await step.RunAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task MigrateAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            // No database yet (SQLite's file, a PostgreSQL database not created): migrating creates it, with nothing to compare.
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }
        // Nodes starting together take turns. The history table is created first (idempotent): reading a missing one logs a
        // failed query at error level on PostgreSQL, whose provider cannot tell whether it exists (npgsql/efcore.pg#3407).
        await using (await db.Database.Dialect().Locks.HoldAsync(db.Database, DatabaseLock.Migrations, ct: cancellationToken))
        {
            var history = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
            await RefuseNewerSchemaAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>A database a newer build has migrated is not this build's to run (several nodes mid-upgrade, a rolled-back deploy).</summary>
    private static async Task RefuseNewerSchemaAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(db.Database.GetMigrations(), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database was migrated by a newer version of CrmGovernance ({string.Join(", ", unknown)}), which this build does not know. " +
                "Run the newer version on every node, or restore the backup taken before the upgrade.");
        }
    }
}
