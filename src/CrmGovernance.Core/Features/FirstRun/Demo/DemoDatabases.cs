using Microsoft.Data.Sqlite;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// Creates the demo's CRM, shop and marketing databases (SQLite files in data/demo) when they are missing; an existing
/// file is never touched. Column names are the field catalog's names plus id, created_at and updated_at; the constraints
/// are the ones that make some records fail, as real systems do.
/// </summary>
public static class DemoDatabases
{
    public const string CrmFile = "crm.db";
    public const string ShopFile = "shop.db";
    public const string MarketingFile = "marketing.db";

    private const string Now = "DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

    private const string CrmSchema = $"""
        CREATE TABLE companies (id TEXT PRIMARY KEY, name TEXT NOT NULL, domain TEXT, industry TEXT, country TEXT, employees INTEGER,
            created_at TEXT NOT NULL {Now}, updated_at TEXT);
        CREATE TABLE contacts (id TEXT PRIMARY KEY, email TEXT NOT NULL, first_name TEXT CHECK (length(first_name) <= 40),
            last_name TEXT NOT NULL, phone TEXT, fax TEXT, lifecycle_stage TEXT, customer_status TEXT, last_form_at TEXT,
            company_id TEXT REFERENCES companies (id), created_at TEXT NOT NULL {Now}, updated_at TEXT);
        CREATE INDEX contacts_email ON contacts (email);
        CREATE INDEX contacts_changes ON contacts (updated_at, id);
        CREATE TABLE opportunities (id TEXT PRIMARY KEY, reference TEXT NOT NULL UNIQUE, name TEXT NOT NULL, contact_email TEXT,
            stage TEXT NOT NULL, amount NUMERIC, created_at TEXT NOT NULL {Now}, updated_at TEXT);
        CREATE INDEX opportunities_changes ON opportunities (updated_at, id);
        CREATE TABLE orders (id TEXT PRIMARY KEY, external_id TEXT NOT NULL, contact_email TEXT NOT NULL, status TEXT,
            amount NUMERIC CHECK (amount >= 0), created_at TEXT NOT NULL {Now}, updated_at TEXT);
        CREATE INDEX orders_external_id ON orders (external_id);
        CREATE TABLE activities (id TEXT PRIMARY KEY, object TEXT NOT NULL, record_id TEXT NOT NULL, kind TEXT NOT NULL,
            occurred_at TEXT NOT NULL, details TEXT);
        """;

    private const string ShopSchema = $"""
        CREATE TABLE customers (id TEXT PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT, phone TEXT,
            created_at TEXT NOT NULL {Now}, updated_at TEXT);
        CREATE TABLE orders (id TEXT PRIMARY KEY, order_id TEXT NOT NULL, customer_email TEXT, status TEXT NOT NULL, total NUMERIC NOT NULL,
            created_at TEXT NOT NULL {Now}, updated_at TEXT);
        CREATE INDEX orders_changes ON orders (updated_at, id);
        """;

    private const string MarketingSchema = $"""
        CREATE TABLE contacts (id TEXT PRIMARY KEY, email TEXT NOT NULL, first_name TEXT,
            marketing_suppressed TEXT NOT NULL DEFAULT 'false' CHECK (marketing_suppressed IN ('true', 'false')),
            created_at TEXT NOT NULL {Now}, updated_at TEXT);
        CREATE INDEX contacts_email ON contacts (email);
        CREATE TABLE opportunities (id TEXT PRIMARY KEY, crm_reference TEXT NOT NULL UNIQUE, contact_email TEXT NOT NULL,
            stage TEXT NOT NULL CHECK (stage IN ('open', 'won', 'closed_lost')), created_at TEXT NOT NULL {Now}, updated_at TEXT);
        """;

    /// <summary>Creates the missing databases in <paramref name="folder"/>; returns the files it created.</summary>
    public static async Task<IReadOnlyList<string>> CreateMissingAsync(string folder, DateTime nowUtc, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var data = new Lazy<DemoDataSet>(() => DemoDataSet.Build(nowUtc));
        var created = new List<string>();
        foreach (var (file, schema, tables) in new (string, string, Func<DemoDataSet, DemoTable[]>)[]
        {
            (CrmFile, CrmSchema, d => [d.Companies, d.Contacts, d.Opportunities, d.CrmOrders]),
            (ShopFile, ShopSchema, d => [d.Customers, d.Orders]),
            (MarketingFile, MarketingSchema, d => [d.MarketingContacts, d.MarketingOpportunities]),
        })
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                await CreateAsync(path, schema, tables(data.Value), cancellationToken);
                created.Add(file);
            }
        }
        return created;
    }

    /// <summary>Builds the file under a temporary name and moves it into place, so a crash never leaves half a database.</summary>
    private static async Task CreateAsync(string path, string schema, DemoTable[] tables, CancellationToken cancellationToken)
    {
        var building = path + ".creating";
        File.Delete(building);
        await using (var connection = await DemoSqlite.OpenAsync(building, create: true, cancellationToken))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await DemoSqlite.ExecuteAsync(connection, transaction, schema, cancellationToken);
            foreach (var table in tables)
            {
                await DemoSqlite.InsertAsync(connection, transaction, table, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        File.Move(building, path);
    }
}
