using System.Text.RegularExpressions;
using CrmGovernance.Core.Data.Dialects;

namespace CrmGovernance.Core.Tests.Data;

/// <summary>
/// ADR 0005: SQL text for the portal database lives in Data/Dialects only, so a second engine is one class per statement
/// group. Read from the compiled assemblies, so it holds whatever folder a type moves to.
/// </summary>
public sealed partial class PortalSqlPlacementTests
{
    private const string DialectNamespace = "CrmGovernance.Core.Data.Dialects";

    private const string DataNamespace = "CrmGovernance.Core.Data";

    // SQL for other databases than the portal's: the SQL connector talks to customers' databases (it has its own
    // dialects), and the demo builds and feeds the demo's own source systems, which are SQLite files of their own.
    private static readonly string[] s_otherDatabases = ["DemoSqlite", "DemoDatabases", "DemoSystemsFeeder"];

    // Which Quartz store the scheduler uses (a SQLite file, or clustered in the PostgreSQL database): Quartz's own providers.
    private static readonly string[] s_quartzStore = ["SchedulerStore", "SchedulerStoreSetup"];

    [Fact]
    public void No_sql_text_for_the_portal_database_is_outside_the_dialects()
    {
        var misplaced = Literals()
            .Where(l => !IsDialect(l.Owner) && !IsConnector(l.Owner) && !IsCopy(l.Owner) && !s_otherDatabases.Contains(l.Owner.Name))
            .Select(l => $"{l.Owner.FullName}: {Shorten(l.Text)}")
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(misplaced.Count == 0,
            "SQL text outside Data/Dialects (put it in a statement group of IPortalSqlDialect, ADR 0005):\n" + string.Join("\n", misplaced));
    }

    [Fact]
    public void The_check_sees_the_dialects_statements()
    {
        // Proves the scan reads literals at all: every statement group's SQLite text must be found where it lives.
        var owners = Literals().Where(l => IsDialect(l.Owner)).Select(l => l.Owner.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("SqliteSyncBatchStatements", owners);
        Assert.Contains("SqliteErrorQueueStatements", owners);
        Assert.Contains("SqliteSessionSettings", owners);
        Assert.Contains("SqliteAuditSearch", owners);
        Assert.Contains("SqliteConnectionInterceptor", owners);
    }

    [Fact]
    public void No_code_outside_data_decides_by_the_engine()
    {
        // A difference between engines is a member of the dialect (IPortalSqlDialect), not an if on Database:Provider in a
        // feature. Quartz's store is configured through Quartz's own providers (UseSqlite, UsePostgres, clustering): which
        // one is Scheduling's choice, with no SQL of ours.
        var misplaced = ProviderChecks.In(typeof(IPortalSqlDialect).Assembly)
            .Where(t => !IsData(t) && !s_quartzStore.Contains(t.Name))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal).ToList();

        Assert.True(misplaced.Count == 0,
            "Code outside Data that decides by Database:Provider (make the difference a member of IPortalSqlDialect, ADR 0005):\n"
            + string.Join("\n", misplaced));
    }

    [Fact]
    public void The_engine_check_sees_the_decisions_in_data()
    {
        // Proves the walk finds a decision at all: the dialect's choice by provider, and Quartz's store by engine.
        var owners = ProviderChecks.In(typeof(IPortalSqlDialect).Assembly).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Contains(nameof(PortalDialects), owners);
        Assert.Contains("SchedulerStoreSetup", owners);
    }

    private static IEnumerable<(Type Owner, string Text)> Literals() =>
        StringLiterals.In(typeof(IPortalSqlDialect).Assembly).Where(l => Sql().IsMatch(l.Text));

    private static bool IsData(Type type) => type.Namespace is { } ns && (ns == DataNamespace || ns.StartsWith(DataNamespace + ".", StringComparison.Ordinal));

    private static bool IsDialect(Type type) => type.Namespace is { } ns && (ns == DialectNamespace || ns.StartsWith(DialectNamespace + ".", StringComparison.Ordinal));

    // crmgov db copy reads a SQLite file and writes a PostgreSQL database in the same run: both engines by nature, not
    // one statement that varies with Database:Provider.
    private static bool IsCopy(Type type) => type.Namespace == "CrmGovernance.Core.Data.Copy";

    private static bool IsConnector(Type type) => type.Namespace?.EndsWith(".Connectors.Sql", StringComparison.Ordinal) == true;

    private static string Shorten(string text)
    {
        var line = Regex.Replace(text, @"\s+", " ").Trim();
        return line.Length <= 120 ? line : line[..120] + "…";
    }

    // Upper-case keywords, as SQL is written here; UI text ("Select a flow", "update the mapping") does not match.
    [GeneratedRegex(@"\bINSERT\s+INTO\b|\bUPDATE\s+\S+\s+SET\b|\bDELETE\s+FROM\b|\bSELECT\b[\s\S]*\bFROM\b|\bSELECT\s+(EXISTS|count|sqlite_)|\bPRAGMA\b|\bON\s+CONFLICT\b|\bRETURNING\b|\b(CREATE|DROP)\s+(TABLE|INDEX|TRIGGER|VIEW|SCHEMA)\b|\bALTER\s+TABLE\b|\bINDEXED\s+BY\b|\bWITH\s+RECURSIVE\b|\bBEGIN\s+(IMMEDIATE|EXCLUSIVE)\b|\bVACUUM\b|sqlite_master", RegexOptions.CultureInvariant)]
    private static partial Regex Sql();
}
