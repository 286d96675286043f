using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Quality.Assessments;

/// <summary>
/// A published configuration with one SQLite CRM ("crm.db") holding contacts whose defects are known, its catalog of
/// five contact fields, and the real host running assessments in the background.
/// </summary>
internal static class AssessmentScenario
{
    public const string Owner = "owner@example.com";
    public static readonly Guid Crm = new("00000000-0000-4000-8000-00000000a001");
    public static Guid Contact => StandardObjects.Contact;

    public static async Task<SyncTestHost> StartAsync()
    {
        var host = await SyncTestHost.StartAsync(Build(), new Dictionary<string, string?> { ["Sync:Worker"] = "true" });
        await SqliteTables.ExecuteAsync(host.PathOf("crm.db"),
            "CREATE TABLE contacts (id TEXT PRIMARY KEY, email TEXT, phone TEXT, country TEXT, lifecycle TEXT, fax TEXT, updated_at TEXT NOT NULL);");
        return host;
    }

    public static GovernanceConfiguration Build()
    {
        FieldDefinition Field(string name, FieldType type, bool required = false, params string[] allowed) =>
            new() { Id = Guid.NewGuid(), SystemId = Crm, ObjectId = Contact, Name = name, Type = type, Required = required, AllowedValues = [.. allowed] };
        var crm = new ConnectedSystem { Id = Crm, Key = "crm", Name = "CRM", ConnectorType = "sql", Status = SystemStatus.Active, Owner = "it@example.com" };
        crm.Settings["database"] = "crm.db";
        crm.Settings["contact.table"] = "contacts";
        return new GovernanceConfiguration
        {
            Systems = [crm],
            Objects = StandardObjects.All(Owner, "steward@example.com"),
            Fields =
            [
                Field("email", FieldType.Email, required: true), Field("phone", FieldType.Phone), Field("country", FieldType.Picklist, false, "GB", "DE"),
                Field("lifecycle", FieldType.Text), Field("fax", FieldType.Text),
            ],
        };
    }

    /// <summary>
    /// 120 contacts by SQL: email empty on every 10th (12) and without an @ on every 7th of the others (16 of 108);
    /// every 3rd phone spelt nationally (40); country "uk" on every 8th (15); lifecycle from three values; fax empty;
    /// every 4th last updated in 2020 (30 stale at 24 months).
    /// </summary>
    public static Task AddContactsAsync(SyncTestHost host) => SqliteTables.ExecuteAsync(host.PathOf("crm.db"), """
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 119)
        INSERT INTO contacts (id, email, phone, country, lifecycle, fax, updated_at)
        SELECT printf('c%03d', i),
            CASE WHEN i % 10 = 0 THEN '' WHEN i % 7 = 0 THEN 'person' || i || '.example.com' ELSE 'person' || i || '@example.com' END,
            CASE WHEN i % 3 = 0 THEN '020 7946 ' || printf('%04d', i) ELSE '+44207946' || printf('%04d', i) END,
            CASE WHEN i % 8 = 0 THEN 'uk' ELSE 'GB' END,
            CASE i % 3 WHEN 0 THEN 'lead' WHEN 1 THEN 'customer' ELSE 'churned' END,
            NULL,
            CASE WHEN i % 4 = 0 THEN '2020-01-01T00:00:00Z' ELSE '2026-02-01T00:00:00Z' END
        FROM n;
        """);

    public static async Task<T> AsAsync<T>(this SyncTestHost host, string name, string role, Func<AssessmentService, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("user-" + name, name, [role], AuditSources.Ui);
        return await work(scope.ServiceProvider.GetRequiredService<AssessmentService>());
    }

    public static Task<T> AsOwnerAsync<T>(this SyncTestHost host, Func<AssessmentService, Task<T>> work) => host.AsAsync(Owner, Roles.BusinessOwner, work);

    /// <summary>Any scoped service of the host, as the named person in one role.</summary>
    public static async Task<T> AsAsync<TService, T>(this SyncTestHost host, string name, string role, Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("user-" + name, name, [role], AuditSources.Ui);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Polls the assessment until it has ended.</summary>
    public static async Task<Assessment> FinishedAsync(this SyncTestHost host, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var view = await host.AsOwnerAsync(s => s.GetAsync(id));
            if (view?.Assessment.Status is AssessmentStatus.Completed or AssessmentStatus.Failed or AssessmentStatus.Cancelled)
            {
                return view.Assessment;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Assessment #{id} has not ended: {view?.Assessment.Status}.");
            await Task.Delay(100);
        }
    }
}
