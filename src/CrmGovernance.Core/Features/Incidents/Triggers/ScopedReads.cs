using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Incidents.Triggers;

/// <summary>The triggers are singletons and the context factory is scoped: each read gets a scope and a context of its own.</summary>
internal static class ScopedReads
{
    public static async Task<T> ReadAsync<T>(this IServiceScopeFactory scopes, Func<CrmDbContext, Task<T>> query, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        return await query(db);
    }
}
