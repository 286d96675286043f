using CrmGovernance.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmGovernance.Core.Data;

/// <summary>
/// The first hosted service: applies migrations and switches the file to WAL, then runs the features' startup steps
/// (<see cref="IStartupStep"/>: seeding the first users, creating the demo systems) in registration order, so that all of
/// it is done before Data Protection loads its key ring and before any worker or the scheduler starts.
/// </summary>
internal sealed class DatabaseInitializer(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("startup", Guid.NewGuid().ToString("N"));
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsSqlite() && db.Database.GetDbConnection().DataSource is { Length: > 0 } file && file != ":memory:")
            {
                // Created owner-only before SQLite creates it (0644); its -wal and -shm files take the database file's mode.
                OwnerOnly.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(file))!);
                OwnerOnly.CreateEmptyFile(file);
            }
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        foreach (var step in scope.ServiceProvider.GetServices<IStartupStep>())
        {
            await step.RunAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
