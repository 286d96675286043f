using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Review;

/// <summary>
/// The real Core host with the sync scenario's configuration whose CRM is a SQLite file ("target.db", contacts with
/// created and updated columns) and a match rule for contacts; review items, crosswalk links and match index
/// entries are written straight into the portal's database, and the review services act as a steward.
/// </summary>
internal sealed class ReviewTargetHost : IAsyncDisposable
{
    public const string Steward = "steward@example.com";

    private ReviewTargetHost(SyncTestHost host) => Host = host;

    public SyncTestHost Host { get; }
    public string TargetPath => Host.PathOf("target.db");
    public static Guid Crm => SyncScenario.Crm;
    public static Guid Source => SyncScenario.Source;
    public static Guid Contact => SyncScenario.Contact;

    /// <param name="configure">Changes to the configuration (another match rule, more catalog fields) before it is published.</param>
    public static async Task<ReviewTargetHost> StartAsync(string? schemaExtra = null, Func<GovernanceConfiguration, GovernanceConfiguration>? configure = null)
    {
        var host = new ReviewTargetHost(await SyncTestHost.StartAsync(configure is null ? Configuration() : configure(Configuration())));
        await SqliteTables.ExecuteAsync(host.TargetPath,
            "CREATE TABLE contacts (id TEXT PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT, phone TEXT, created_at TEXT, updated_at TEXT);" + schemaExtra);
        return host;
    }

    public static GovernanceConfiguration Configuration()
    {
        var scenario = SyncScenario.Build();
        var crm = scenario.Systems.Single(s => s.Id == Crm) with
        {
            Settings = new(StringComparer.Ordinal) { ["database"] = "target.db", ["contact.table"] = "contacts", ["contact.created"] = "created_at" },
        };
        return scenario with
        {
            Systems = [.. scenario.Systems.Where(s => s.Id != Crm), crm],
            MatchRules = [new MatchRule { Id = Guid.NewGuid(), ObjectId = Contact, Name = "Contacts", Comparisons = [new() { Attribute = "email" }] }],
        };
    }

    public Task ContactAsync(string id, string? email, string? first, string? last, string? phone, DateTime created) =>
        SqliteTables.ExecuteAsync(TargetPath,
            "INSERT INTO contacts (id, email, first_name, last_name, phone, created_at, updated_at) VALUES (@id, @e, @f, @l, @p, @c, @c)",
            ("@id", id), ("@e", email), ("@f", first), ("@l", last), ("@p", phone), ("@c", created.ToString("o", CultureInfo.InvariantCulture)));

    /// <summary>The target's contacts by id, every column.</summary>
    public async Task<Dictionary<string, Dictionary<string, string?>>> ContactsAsync() =>
        (await SqliteTables.RowsAsync(TargetPath, "contacts")).ToDictionary(r => r["id"]!, StringComparer.Ordinal);

    public async Task<long> ItemAsync(string left, string right, double score = 0.8, ReviewStatus status = ReviewStatus.Open)
    {
        var item = new ReviewItem
        {
            SystemId = Crm, ObjectId = Contact, FlowId = SyncScenario.Flow, LeftRecordId = left, RightRecordId = right, Score = score, Status = status,
            CreatedUtc = DateTime.UtcNow.AddHours(-1),
            ExplanationJson = ReviewJson.Explanations([new("email", "Email", "ann.lee@example.com", "ann.lee@example.org", 0.9, "≥ 0.88", 6.5)]),
        };
        await SaveAsync(db => db.ReviewItems.Add(item));
        return item.Id;
    }

    public Task LinkAsync(string sourceId, string targetId, string? mergedFrom = null) => SaveAsync(db => db.CrosswalkLinks.Add(new CrosswalkLink
    {
        ObjectId = Contact, SourceSystemId = Source, SourceId = sourceId, TargetSystemId = Crm, TargetId = targetId, FlowId = SyncScenario.Flow,
        CreatedUtc = DateTime.UtcNow, MergedFromId = mergedFrom,
    }));

    public Task IndexEntryAsync(string recordId, string valuesJson) => SaveAsync(db => db.MatchIndexEntries.Add(new MatchIndexEntry
    {
        SystemId = Crm, ObjectId = Contact, RecordId = recordId, ValuesJson = valuesJson, UpdatedUtc = DateTime.UtcNow.AddDays(-1),
    }));

    /// <summary>A review service in a scope acting as a user of the role (a steward unless said otherwise).</summary>
    public async Task<T> AsAsync<TService, T>(Func<TService, Task<T>> use, string role = Roles.Steward)
        where TService : notnull
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var name = role == Roles.Steward ? Steward : role.ToLowerInvariant() + "@example.com";
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("id-" + name, name, [role], AuditSources.Ui);
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query) => Host.QueryAsync(query);

    public async Task<List<AuditEntry>> AuditAsync(string action) =>
        await QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync());

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private async Task SaveAsync(Action<CrmDbContext> add)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("test-seed", null);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        add(db);
        await db.SaveChangesAsync();
    }
}
