using CrmGovernance.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Data;

/// <summary>One context per operation, carrying the scope's actor into the audit trail.</summary>
internal sealed class CrmDbContextFactory(DbContextOptions<CrmDbContext> options, ActorContext actor) : IDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext() => new(options, actor);
}
