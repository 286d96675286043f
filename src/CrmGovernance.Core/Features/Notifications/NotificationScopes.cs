using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>The singletons' database access: a scope acting as the notifications job (its writes are audited as that).</summary>
internal static class NotificationScopes
{
    public static async Task<(AsyncServiceScope Scope, CrmDbContext Db)> OpenAsync(this IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("notifications", null);
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        return (scope, db);
    }
}
