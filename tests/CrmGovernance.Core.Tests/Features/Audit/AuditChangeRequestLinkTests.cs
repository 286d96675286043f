using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.FirstRun;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.Audit;

public sealed class AuditChangeRequestLinkTests
{
    [Fact]
    public async Task Rows_of_a_change_request_its_items_and_the_version_it_publishes_carry_its_id()
    {
        await using var scenario = await StartAsync();
        var current = (await scenario.CurrentAsync()).Configuration;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Sharper outcome", "Owners asked for it"));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, current.FindFlow(DemoConfiguration.OrdersFlow)! with { Outcome = "Within 15 minutes" })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(id)));
        Require(await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, "Fine")));

        await using var scope = scenario.Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var linked = await db.AuditEntries.AsNoTracking().Where(e => e.ChangeRequestId == id).ToListAsync();
        Assert.Contains(linked, e => e.EntityType == "ChangeRequest" && e.Action == AuditActions.Insert);
        Assert.Contains(linked, e => e.EntityType == "ChangeRequestItem");
        Assert.Contains(linked, e => e.EntityType == "ConfigurationVersion" && e.Action == AuditActions.Insert);
        Assert.DoesNotContain(await db.AuditEntries.AsNoTracking().Where(e => e.ChangeRequestId == null).Select(e => e.EntityType).ToListAsync(), t => t.StartsWith("ChangeRequest", StringComparison.Ordinal));

        var verified = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem);
    }

    [Fact]
    public void Moving_a_row_to_another_change_request_breaks_the_chain()
    {
        var row = new AuditEntry { Sequence = 1, TimeUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), ActorName = "a", Action = "Update", EntityType = "ChangeRequest", ChangeRequestId = Guid.NewGuid() };
        var hash = AuditHasher.Compute(row, AuditHasher.GenesisHash);

        row.ChangeRequestId = Guid.NewGuid();
        Assert.NotEqual(hash, AuditHasher.Compute(row, AuditHasher.GenesisHash));
        row.ChangeRequestId = null;
        Assert.NotEqual(hash, AuditHasher.Compute(row, AuditHasher.GenesisHash));
    }

    [Fact]
    public async Task A_row_stamped_earlier_than_the_head_is_sealed_at_the_head_time_so_time_never_goes_backwards()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com");
        var head = host.Clock.GetUtcNow().UtcDateTime;

        await using (var scope = host.Scope(a => a.SetSystem("test", null)))
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.AuditEntries.Add(new AuditEntry { TimeUtc = head.AddMinutes(-5), ActorName = "late", Action = AuditActions.SignIn, EntityType = "User", Changes = "{}", Source = AuditSources.Ui });
            await db.SaveChangesAsync();
        }

        await using var read = host.Scope();
        var times = await read.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries.AsNoTracking()
            .OrderBy(e => e.Sequence).Select(e => e.TimeUtc).ToListAsync();
        Assert.Equal(times.Order(), times);
        Assert.Equal(head, times[^1]);
    }
}
