using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Scans;

/// <summary>
/// A published configuration with two SQLite systems holding contacts: "crm" (crm.db) and "archive" (archive.db, which
/// tests create or leave missing), the default contact match rule, a draft flow from the archive to the CRM, and the real
/// host running scans in the background.
/// </summary>
internal static class ScanScenario
{
    public const string Owner = "owner@example.com";
    public static readonly Guid Crm = new("00000000-0000-4000-8000-00000000c001");
    public static readonly Guid Archive = new("00000000-0000-4000-8000-00000000c002");
    public static Guid Contact => StandardObjects.Contact;

    private static readonly string[] FirstNames = ["Anna", "Peter", "Maria", "James", "Sofia", "Lukas", "Emma", "Oliver", "Chloe", "Noah", "Grace", "Henry", "Isla", "Jack", "Mia", "Leo", "Ruby", "Oscar", "Ella", "Hugo"];
    private static readonly string[] LastNames = ["Fischer", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Brennan", "Haddad", "Novak", "Silva", "Petrov", "Larsen", "Dubois", "Yilmaz", "Keller", "Rossi", "Nakamura", "Walsh", "Bauer", "Costa"];

    public static async Task<SyncTestHost> StartAsync()
    {
        // The scan runner works in the process that runs the worker; no flow is configured, so nothing else runs.
        var host = await SyncTestHost.StartAsync(Build(), new Dictionary<string, string?> { ["Sync:Worker"] = "true" });
        await CreateContactsAsync(host.PathOf("crm.db"));
        return host;
    }

    public static GovernanceConfiguration Build()
    {
        var fields = new List<FieldDefinition>();
        foreach (var system in new[] { Crm, Archive })
        {
            foreach (var (name, type) in new[] { ("email", FieldType.Email), ("first_name", FieldType.Text), ("last_name", FieldType.Text), ("phone", FieldType.Phone) })
            {
                fields.Add(new() { Id = Guid.NewGuid(), SystemId = system, ObjectId = Contact, Name = name, Type = type });
            }
        }
        return new GovernanceConfiguration
        {
            Systems = [Sql(Crm, "crm", "CRM", "crm.db"), Sql(Archive, "archive", "Archive", "archive.db")],
            Objects = StandardObjects.All(Owner, Owner),
            Fields = fields,
            MatchRules = [DefaultMatchRules.Contact(Guid.NewGuid(), Contact)],
            // A draft flow is never scheduled, but makes the CRM a target whose match index a scan refreshes.
            Flows =
            [
                new() { Id = Guid.NewGuid(), Name = "Archive to CRM", ObjectId = Contact, SourceSystemId = Archive, TargetSystemId = Crm, Owner = Owner, Status = FlowStatus.Draft },
            ],
        };
    }

    public static Task CreateContactsAsync(string path) => SqliteTables.ExecuteAsync(path,
        "CREATE TABLE contacts (id TEXT PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT, phone TEXT, updated_at TEXT NOT NULL);");

    public static Task AddContactAsync(string path, string id, string? email, string? first, string? last, string? phone) =>
        SqliteTables.ExecuteAsync(path, "INSERT INTO contacts (id, email, first_name, last_name, phone, updated_at) VALUES (@id, @e, @f, @l, @p, @u)",
            ("@id", id), ("@e", email), ("@f", first), ("@l", last), ("@p", phone), ("@u", "2026-01-01T00:00:00Z"));

    /// <summary>
    /// Distinct people: each name pair once, with an email of its own and a phone number unlike anyone else's (people
    /// whose numbers differ in one digit, like extensions of one office, are a matter for the rule's tuning, not for these tests).
    /// </summary>
    public static async Task AddDistinctPeopleAsync(string path, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[i / FirstNames.Length % LastNames.Length];
            var phone = (7_000_000_000L + (i * 2_654_435_761L % 2_999_999_999L)).ToString(CultureInfo.InvariantCulture);
            await AddContactAsync(path, "p" + i.ToString("D4", CultureInfo.InvariantCulture), $"{first}.{last}@example.org".ToLowerInvariant(), first, last, "+44" + phone);
        }
    }

    /// <summary>Many rows at once, by SQL: a table large enough that a scan of it is still running when a test cancels it.</summary>
    public static Task AddManyAsync(string path, int count) => SqliteTables.ExecuteAsync(path, $"""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
        INSERT INTO contacts (id, email, first_name, last_name, phone, updated_at)
        SELECT 'm' || i, 'person' || i || '@example.net', 'First' || (i % 997), 'Last' || (i % 991), '+4420' || (10000000 + i), '2026-01-01T00:00:00Z' FROM n;
        """);

    /// <summary>Runs <paramref name="work"/> with the host's scan services, as a steward signed in to the portal.</summary>
    public static async Task<T> AsStewardAsync<T>(this SyncTestHost host, Func<DuplicateScanService, DuplicateScanFeeder, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("steward-1", "steward@example.com", [Roles.Steward], AuditSources.Ui);
        return await work(scope.ServiceProvider.GetRequiredService<DuplicateScanService>(), scope.ServiceProvider.GetRequiredService<DuplicateScanFeeder>());
    }

    /// <summary>Polls the scan until it has ended.</summary>
    public static async Task<DuplicateScan> FinishedAsync(this SyncTestHost host, long scanId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var view = await host.AsStewardAsync((scans, _) => scans.GetAsync(scanId));
            if (view is { IsActive: false })
            {
                return view.Scan;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Scan #{scanId} has not ended: {view?.Scan.Status} {view?.Scan.Phase}.");
            await Task.Delay(100);
        }
    }

    private static ConnectedSystem Sql(Guid id, string key, string name, string database)
    {
        var system = new ConnectedSystem { Id = id, Key = key, Name = name, ConnectorType = "sql", Status = SystemStatus.Active, Owner = Owner };
        system.Settings["database"] = database;
        system.Settings["contact.table"] = "contacts";
        return system;
    }
}
