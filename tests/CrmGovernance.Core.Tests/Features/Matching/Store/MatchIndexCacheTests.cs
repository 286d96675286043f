using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Matching.Store;

/// <summary>Two caches over one database stand for the portal and a <c>crmgov</c> process.</summary>
public sealed class MatchIndexCacheTests
{
    private static readonly Guid Crm = new("00000000-0000-4000-8000-00000000b001");
    private static readonly Guid Contact = new("00000000-0000-4000-8000-00000000b002");
    private static readonly MatchModel Model = MatchModel.Compile(DefaultMatchRules.Contact(Guid.NewGuid(), Contact));

    private static MatchRecord Robert(string id, string email = "robert.smith@example.com") => new(id, new Dictionary<string, string?>
    {
        [MatchAttributes.FirstName] = "Robert", [MatchAttributes.LastName] = "Smith", [MatchAttributes.Email] = email, [MatchAttributes.Phone] = "+442079460001",
    });

    [Fact]
    public async Task A_record_stored_by_another_process_is_found_at_the_next_open_and_a_tombstone_removes_it()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.Scope();
        var (portal, worker, store) = Parts(host, scope);
        using (var lease = await portal.OpenAsync(Crm, Contact, Model, CancellationToken.None))
        {
            Assert.Empty(lease.Index.Match(Robert("incoming")));
        }

        await store.UpsertAsync(Crm, Contact, [Robert("crm-1")], CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var lease = await portal.OpenAsync(Crm, Contact, Model, CancellationToken.None))
        {
            Assert.Equal("crm-1", Assert.Single(lease.Index.Match(Robert("incoming"))).Id);
        }
        using (var lease = await worker.OpenAsync(Crm, Contact, Model, CancellationToken.None))
        {
            Assert.Equal(1, lease.Index.Count);
        }

        await store.RemoveAsync(Crm, Contact, ["crm-1"], CancellationToken.None);
        using (var lease = await portal.OpenAsync(Crm, Contact, Model, CancellationToken.None))
        {
            Assert.Empty(lease.Index.Match(Robert("incoming")));
        }
    }

    [Fact]
    public async Task A_row_committed_late_with_an_older_time_is_still_read()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.Scope();
        var (portal, _, store) = Parts(host, scope);
        await store.UpsertAsync(Crm, Contact, [Robert("crm-1")], CancellationToken.None);
        var stamped = host.Clock.GetUtcNow().UtcDateTime;
        using (var lease = await portal.OpenAsync(Crm, Contact, Model, CancellationToken.None))
        {
            Assert.Equal(1, lease.Index.Count);
        }

        // Another writer stamped its row a moment before the newest row this cache has seen, and committed after the read.
        await using (var writer = host.Scope())
        {
            var db = writer.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.MatchIndexEntries.Add(new MatchIndexEntry
            {
                SystemId = Crm, ObjectId = Contact, RecordId = "crm-2", UpdatedUtc = stamped.AddMilliseconds(-500),
                ValuesJson = MatchIndexValues.Serialize(Robert("crm-2", "bob.smith@example.com")),
            });
            await db.SaveChangesAsync();
        }

        using var again = await portal.OpenAsync(Crm, Contact, Model, CancellationToken.None);
        Assert.Equal(2, again.Index.Count);
    }

    [Fact]
    public async Task Storing_the_same_values_again_changes_no_row()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.Scope();
        var (_, _, store) = Parts(host, scope);

        Assert.Equal(1, await store.UpsertAsync(Crm, Contact, [Robert("crm-1")], CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, await store.UpsertAsync(Crm, Contact, [Robert("crm-1")], CancellationToken.None));
        Assert.Equal(1, await store.UpsertAsync(Crm, Contact, [Robert("crm-1", "rob@example.com")], CancellationToken.None));
        var row = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().MatchIndexEntries.SingleAsync();
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, row.UpdatedUtc);
        Assert.Contains("rob@example.com", row.ValuesJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_match_rule_rebuilds_the_index_from_the_stored_values()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.Scope();
        var (portal, _, store) = Parts(host, scope);
        await store.UpsertAsync(Crm, Contact, [Robert("crm-1")], CancellationToken.None);
        MatchIndex first;
        using (var lease = await portal.OpenAsync(Crm, Contact, Model, CancellationToken.None))
        {
            first = lease.Index;
        }

        var stricter = MatchModel.Compile(Model.Rule with { Name = "stricter", AutoMatchThreshold = 0.995 });
        using var rebuilt = await portal.OpenAsync(Crm, Contact, stricter, CancellationToken.None);

        Assert.NotSame(first, rebuilt.Index);
        Assert.Same(stricter, rebuilt.Index.Model);
        Assert.Equal(1, rebuilt.Index.Count);
    }

    private static (MatchIndexCache Portal, MatchIndexCache Worker, MatchIndexStore Store) Parts(CoreTestHost host, AsyncServiceScope scope)
    {
        var scopes = scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>();
        var store = new MatchIndexStore(scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>(), host.Clock);
        return (new MatchIndexCache(scopes), new MatchIndexCache(scopes), store);
    }
}
