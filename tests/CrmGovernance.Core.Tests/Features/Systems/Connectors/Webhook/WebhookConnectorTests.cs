using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Systems.Connectors.Webhook;
using CrmGovernance.Core.Features.Systems.Connectors;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static CrmGovernance.Core.Tests.Features.Systems.Connectors.Records;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors.Webhook;

/// <summary>The "webhook" connector reading the inbox of the real Core host (migrated SQLite file).</summary>
public sealed class WebhookConnectorTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crm-webhook-tests-" + Guid.NewGuid().ToString("N"));
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = Path.Combine(_folder, "crm.db"),
            ["Scheduler:DatabasePath"] = Path.Combine(_folder, "scheduler.db"),
            ["Sync:Worker"] = "false",
            [TestKeyEncryption.KeyFileSetting] = TestKeyEncryption.KeyFileIn(_folder),
        });
        builder.Services.AddCrmCore(builder.Configuration, _folder, HostRole.Test);
        // The web host adds Identity; the database initializer needs its stores.
        builder.Services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<CrmDbContext>();
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private ISyncConnector Open(string systemKey, params (string Name, string Value)[] settings) =>
        _host.Services.GetRequiredService<IConnectorFactory>().Open(new ConnectedSystem
        {
            Id = Guid.NewGuid(), Key = systemKey, Name = systemKey, ConnectorType = "webhook",
            Settings = new SortedDictionary<string, string>(settings.ToDictionary(s => s.Name, s => s.Value), StringComparer.Ordinal),
        });

    private async Task<long> InboxAsync(string system, string objectKey, string payload)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var item = new InboxItem { SystemKey = system, ObjectKey = objectKey, PayloadJson = payload, ReceivedUtc = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc) };
        db.InboxItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    [Fact]
    public async Task Reads_inbox_items_after_the_cursor_for_its_own_system_and_object_only()
    {
        var first = await InboxAsync("website", "lead", """{"email":"a@x.test","form":"demo"}""");
        await InboxAsync("shop", "lead", """{"email":"other-system@x.test"}""");
        await InboxAsync("website", "contact", """{"email":"other-object@x.test"}""");
        var second = await InboxAsync("website", "lead", """{"email":"b@x.test","consent":true,"score":5}""");
        var third = await InboxAsync("website", "lead", """{"email":"c@x.test"}""");
        await using var connector = Open("website");

        var (records, pages, cursor) = await ReadAllAsync(connector, "lead", null, 2);
        var fourth = await InboxAsync("website", "lead", """{"email":"d@x.test"}""");
        var later = await connector.ReadChangesAsync("lead", cursor, 10, CancellationToken.None);

        Assert.Equal(new[] { first, second, third }.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), records.Select(r => r.Id));
        Assert.Equal([2, 1, 0], pages);
        Assert.Equal("demo", records[0].Fields["form"]);
        Assert.Equal("true", records[1].Fields["consent"]);
        Assert.Equal(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), records[0].CreatedUtc);
        Assert.Equal([fourth.ToString(System.Globalization.CultureInfo.InvariantCulture)], later.Records.Select(r => r.Id));
    }

    [Fact]
    public async Task The_record_id_comes_from_the_key_field_when_the_payload_has_it()
    {
        await InboxAsync("website", "lead", """{"submission":"s-1","email":"a@x.test"}""");
        var withoutKey = await InboxAsync("website", "lead", """{"email":"b@x.test"}""");
        await using var connector = Open("website", ("lead.key", "submission"));

        var page = await connector.ReadChangesAsync("lead", null, 10, CancellationToken.None);

        Assert.Equal(["s-1", withoutKey.ToString(System.Globalization.CultureInfo.InvariantCulture)], page.Records.Select(r => r.Id));
    }

    [Fact]
    public async Task A_webhook_system_cannot_be_a_target()
    {
        await using var connector = Open("website");

        var write = await Assert.ThrowsAsync<NotSupportedException>(() => connector.WriteBatchAsync("lead", [New("1")], CancellationToken.None));
        await Assert.ThrowsAsync<NotSupportedException>(() => connector.LookupAsync("lead", null, ["1"], CancellationToken.None));
        var delete = await Assert.ThrowsAsync<NotSupportedException>(() => connector.DeleteBatchAsync("lead", ["1"], CancellationToken.None));
        Assert.Contains("cannot delete records", delete.Message, StringComparison.Ordinal);

        Assert.Contains("source only", write.Message, StringComparison.Ordinal);
    }
}
