namespace CrmGovernance.Core.Data;

/// <summary>The engine behind the portal database (<c>Database:Provider</c>); each has one SQL dialect (ADR 0005).</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file (<c>Database:Path</c>).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (<c>Database:ConnectionString</c>): several portal instances and workers on one database.</summary>
    Postgres,
}
