using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>
/// The singletons' database access: a context in a scope of its own acting as the notifications job (its writes are
/// audited as that), disposed together.
/// </summary>
internal sealed class NotificationScopes : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private NotificationScopes(AsyncServiceScope scope, CrmDbContext db) => (_scope, Db) = (scope, db);

    public CrmDbContext Db { get; }

    public static async Task<NotificationScopes> OpenAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("notifications", null);
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        return new NotificationScopes(scope, db);
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
