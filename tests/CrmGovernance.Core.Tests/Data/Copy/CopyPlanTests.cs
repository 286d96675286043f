using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Copy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Data.Copy;

/// <summary>The copy's plan is the model: every table, principals before the tables that refer to them.</summary>
public sealed class CopyPlanTests
{
    [Fact]
    public async Task Every_table_of_the_model_is_copied_once()
    {
        await using var host = await SqliteSourceAsync();
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();

        var plan = CopyPlan.For(db).Select(t => t.Name).ToList();
        var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(modelTables, plan.Order(StringComparer.Ordinal).ToList());
        Assert.Contains("AuditEntries", plan);
        Assert.Contains("DataProtectionKeys", plan);
        Assert.Contains("AspNetUsers", plan);
        Assert.Contains("MetricBuckets", plan);
    }

    [Fact]
    public async Task Every_table_comes_after_the_tables_its_foreign_keys_point_at()
    {
        await using var host = await SqliteSourceAsync();
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();

        var position = CopyPlan.For(db).Select((t, i) => (t.Name, i)).ToDictionary(p => p.Name, p => p.i);
        var references = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetForeignKeys().Select(fk => (Dependent: e.GetTableName()!, Principal: fk.PrincipalEntityType.GetTableName()!)))
            .Where(r => r.Dependent != r.Principal).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(position[r.Principal] < position[r.Dependent], $"{r.Dependent} is copied before {r.Principal}"));
    }

    [Fact]
    public async Task Every_column_of_a_table_is_read_as_the_type_ef_core_stores()
    {
        await using var host = await SqliteSourceAsync();
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();

        var audit = CopyPlan.For(db).Single(t => t.Name == "AuditEntries");
        var roles = CopyPlan.For(db).Single(t => t.Name == "AspNetRoles");

        Assert.Equal(typeof(DateTime), audit.Columns.Single(c => c.Name == "TimeUtc").StoreClrType);
        Assert.Equal(typeof(Guid), audit.Columns.Single(c => c.Name == "ChangeRequestId").StoreClrType);
        Assert.True(audit.Columns.Single(c => c.Name == "ChangeRequestId").IsNullable);
        Assert.Equal(["Sequence"], audit.KeyColumns);
        // The roles the migrations insert (HasData): a target holding only them counts as empty.
        Assert.Equal(CrmGovernance.Core.Access.Roles.All.Count, roles.SeedRows);
    }

    /// <summary>The plan is built from the SQLite source whatever engine the run's tests use (CRMGOV_TEST_PROVIDER).</summary>
    private static Task<CoreTestHost> SqliteSourceAsync() =>
        CoreTestHost.StartAsync(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });
}
