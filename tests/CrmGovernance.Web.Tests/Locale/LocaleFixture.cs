using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Locale;

/// <summary>A portal without the demo, an admin, and 1,234 unreadable inbound payloads: a count the error queue prints on its first render.</summary>
public sealed class LocaleFixture : IAsyncLifetime
{
    public const string Email = "locale.admin@example.com";
    public const string Password = "quartz meadow lantern fifty";
    public const int Payloads = 1234;

    public PortalHost Host { get; } = new(demo: false);

    public async Task InitializeAsync()
    {
        await PortalUsers.CreateAsync(Host, Email, Password, Roles.Admin);
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.ErrorQueueItems.AddRange(Enumerable.Range(0, Payloads).Select(i => new ErrorQueueItem
        {
            Kind = ErrorKind.Inbound, SystemKey = "website", ObjectKey = "contact", Reason = "The body is not JSON.", Payload = "x=" + i,
            ContentType = "text/plain", CreatedUtc = DateTime.UtcNow,
        }));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }
}
