using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Data.Dialects.Postgres;

/// <summary>
/// The append-only triggers as the Initial migration of CrmGovernance.Migrations.Postgres writes them (row triggers against
/// UPDATE and DELETE, statement triggers against TRUNCATE), compared with PostgreSQL's own rendering of each trigger
/// (<c>pg_get_triggerdef</c>) followed by the body of the function it calls, so a replaced function counts as altered too;
/// a trigger kept but disabled (<c>ALTER TABLE … DISABLE TRIGGER</c>, or enabled for replicas only) counts as altered, for it
/// refuses nothing.
/// </summary>
internal sealed class PostgresAuditTriggers : IAuditTriggerStatements
{
    public const string Function = "crmgov_refuse_change";

    /// <summary>The function's body exactly as the migration creates it.</summary>
    public const string FunctionBody = " BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END ";

    public IReadOnlyDictionary<string, string> Expected { get; } = new Dictionary<string, string>
    {
        ["AuditEntries_NoUpdate"] = Row("AuditEntries_NoUpdate", "UPDATE", "AuditEntries", "audit entries are append-only"),
        ["AuditEntries_NoDelete"] = Row("AuditEntries_NoDelete", "DELETE", "AuditEntries", "audit entries are append-only"),
        ["AuditEntries_NoTruncate"] = Statement("AuditEntries_NoTruncate", "AuditEntries", "audit entries are append-only"),
        ["ConfigurationVersions_NoUpdate"] = Row("ConfigurationVersions_NoUpdate", "UPDATE", "ConfigurationVersions", "configuration versions are immutable"),
        ["ConfigurationVersions_NoDelete"] = Row("ConfigurationVersions_NoDelete", "DELETE", "ConfigurationVersions", "configuration versions are immutable"),
        ["ConfigurationVersions_NoTruncate"] = Statement("ConfigurationVersions_NoTruncate", "ConfigurationVersions", "configuration versions are immutable"),
    };

    public async Task<IReadOnlyList<StoredTrigger>> StoredAsync(CrmDbContext db, CancellationToken ct) =>
        await db.Database.SqlQuery<StoredTrigger>($"""
            SELECT t.tgname AS "Name",
                replace(pg_get_triggerdef(t.oid), ' ON ' || quote_ident(current_schema()) || '.', ' ON ') || ';' || p.prosrc
                    || CASE WHEN t.tgenabled IN ('O', 'A') THEN '' ELSE ' -- disabled (' || t.tgenabled::text || ')' END AS "Sql"
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
            """).ToListAsync(ct);

    private static string Row(string name, string operation, string table, string message) =>
        $"CREATE TRIGGER \"{name}\" BEFORE {operation} ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION {Function}('{message}');{FunctionBody}";

    private static string Statement(string name, string table, string message) =>
        $"CREATE TRIGGER \"{name}\" BEFORE TRUNCATE ON \"{table}\" FOR EACH STATEMENT EXECUTE FUNCTION {Function}('{message}');{FunctionBody}";
}
