using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data.Dialects;
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
            // The provider's file and session settings (SQLite: the file owner-only before it exists, WAL after migrating).
            var session = db.Database.Dialect().Session;
            session.BeforeMigrate(db.Database);
            await db.Database.MigrateAsync(cancellationToken);
            await session.AfterMigrateAsync(db.Database, cancellationToken);
        }
        foreach (var step in scope.ServiceProvider.GetServices<IStartupStep>())
        {
            await step.RunAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
