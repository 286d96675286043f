using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Events;

/// <summary>An event exists exactly when the change that raised it committed.</summary>
public sealed class TransactionalOutboxTests
{
    [Fact]
    public async Task An_event_raised_with_a_change_is_stored_with_it_and_not_when_the_change_rolls_back()
    {
        await using var host = await CoreTestHost.StartAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await using (var scope = host.Scope())
        await using (var db = await Contexts(scope).CreateDbContextAsync())
        {
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                var run = Run("rolled back", now);
                db.SyncRuns.Add(run);
                await db.SaveChangesAsync();
                db.Raise(new RunFinished(run.Id, run.FlowId, "Succeeded", false, 1, 1, 0, 0, 0, 0), now);
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }
            db.ChangeTracker.Clear();
            var kept = Run("committed", now);
            db.SyncRuns.Add(kept);
            db.Raise(new ConfigurationPublished(7, Guid.NewGuid()), now);
            await db.SaveChangesAsync();
        }

        var stored = Assert.Single(await host.OutboxAsync());
        Assert.Equal("ConfigurationPublished", stored.Kind);
        Assert.Contains("\"version\":7", stored.PayloadJson, StringComparison.Ordinal);
        Assert.Equal(now, stored.OccurredUtc);
        Assert.Contains($"/{Environment.ProcessId}/", stored.Origin, StringComparison.Ordinal);
        Assert.Equal(["committed"], await NamesAsync(host));
    }

    [Fact]
    public async Task An_event_written_inside_a_raw_transaction_or_beside_ExecuteUpdate_commits_and_rolls_back_with_it()
    {
        await using var host = await CoreTestHost.StartAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await using (var scope = host.Scope())
        await using (var db = await Contexts(scope).CreateDbContextAsync())
        {
            await db.Database.OpenConnectionAsync();
            await using (var raw = await db.Database.GetDbConnection().BeginTransactionAsync())
            {
                await raw.RaiseAsync(db.Database.Dialect(), new RunProgressed(1, Guid.NewGuid(), 500), now, default);
                await raw.RollbackAsync();
            }
            await using (var raw = await db.Database.GetDbConnection().BeginTransactionAsync())
            {
                await raw.RaiseAsync(db.Database.Dialect(), new RunProgressed(2, Guid.NewGuid(), 1_000), now, default);
                await raw.CommitAsync();
            }
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await db.RaiseNowAsync(new ScanFinished(3, "Completed"), now, default);
                await transaction.RollbackAsync();
            }
            await db.RaiseNowAsync(new ScanFinished(4, "Failed"), now, default);
        }

        var stored = await host.OutboxAsync();
        Assert.Equal(["RunProgressed", "ScanFinished"], stored.Select(e => e.Kind));
        Assert.Contains("\"runId\":2", stored[0].PayloadJson, StringComparison.Ordinal);
        Assert.Contains("\"scanId\":4", stored[1].PayloadJson, StringComparison.Ordinal);
    }

    private static IDbContextFactory<CrmDbContext> Contexts(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>();

    private static SyncRun Run(string name, DateTime now) => new()
    {
        FlowId = Guid.NewGuid(), FlowName = name, StartedBy = "test", StartedUtc = now, HeartbeatUtc = now, Status = SyncRunStatus.Succeeded,
    };

    private static async Task<List<string>> NamesAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().SyncRuns.Select(r => r.FlowName).ToListAsync();
    }
}
