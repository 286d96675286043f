using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>
/// The audit chain with several nodes on one PostgreSQL database (ADR 0019): each node has its own in-process chain lock,
/// so only the database lock keeps them from appending after the same head. Always on PostgreSQL, whatever the run's engine.
/// </summary>
// On PostgreSQL whatever the run's engine: .ci/test's second pass (all on PostgreSQL) leaves it out.
[Trait("Engine", "Postgres")]
public sealed class AuditChainAcrossNodesTests
{
    [Fact]
    public async Task Concurrent_audited_writes_from_two_nodes_leave_one_chain_that_verifies()
    {
        await using var first = await CoreTestHost.StartAsync(provider: DatabaseProvider.Postgres);
        await using var second = first.OtherNode();
        var before = (await first.AuditRowsAsync()).Count;

        // Four writers per node, each saving 25 audited rows one save at a time, all at once.
        var writers = new[] { first, second }.SelectMany(node => Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await using var scope = node.Scope(a => a.SetSystem("node-test", null));
                await scope.ServiceProvider.GetRequiredService<IAuditTrail>()
                    .RecordAsync("Test", "Node", $"{w}-{i}", new { node = node == first ? "first" : "second", writer = w, i });
            }
        })));
        await Task.WhenAll(writers);

        var rows = await first.AuditRowsAsync();
        Assert.Equal(before + 200, rows.Count);
        // One chain: consecutive sequences, each row's predecessor the row before it.
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.Equal(rows[i - 1].Sequence + 1, rows[i].Sequence);
            Assert.Equal(rows[i - 1].Hash, rows[i].PreviousHash);
        }
        await using var verify = first.Scope(a => a.SetSystem("node-test", null));
        var verification = await verify.ServiceProvider.GetRequiredService<AuditVerificationService>().VerifyAndRecordAsync("across nodes");
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task A_save_that_fails_after_sealing_releases_the_chain_for_the_other_node()
    {
        await using var first = await CoreTestHost.StartAsync(provider: DatabaseProvider.Postgres);
        await using var second = first.OtherNode();

        // A save refused by the database (the audit row of a user whose id is taken) rolls back its own transaction.
        await using (var scope = first.Scope(a => a.SetSystem("node-test", null)))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var id = await first.CreateUserAsync("taken@example.com");
            db.Users.Add(new Core.Features.Users.ApplicationUser { Id = id, UserName = "again@example.com", Email = "again@example.com", DisplayName = "again" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        // The other node appends at once (the lock is gone with the failed save's transaction) and the chain verifies.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using (var scope = second.Scope(a => a.SetSystem("node-test", null)))
        {
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync("Test", "Node", "after", cancellationToken: patience.Token);
        }
        await using var verify = second.Scope(a => a.SetSystem("node-test", null));
        var verification = await verify.ServiceProvider.GetRequiredService<AuditVerificationService>().VerifyAndRecordAsync("after a failed save");
        Assert.True(verification.IsIntact, verification.Problem);
    }
}
