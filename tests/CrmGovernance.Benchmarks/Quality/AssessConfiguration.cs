using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Benchmarks.Quality;

/// <summary>
/// One CRM on the SQL connector (a SQLite file in the host's data folder, contacts in <see cref="ContactsTable.Table"/>
/// keyed by id, changes by <see cref="ContactsTable.UpdatedColumn"/>) and its contact field catalog: the configuration
/// the assessed portal publishes.
/// </summary>
internal static class AssessConfiguration
{
    public const string Owner = "benchmark@example.com";
    public const string DatabaseFile = "crm-quality.db";
    public const string ObjectKey = "contact";
    public static readonly Guid Crm = new("00000000-0000-4000-8000-0000000c0001");

    public static GovernanceConfiguration Build(IReadOnlyList<QualityColumn> columns) => new()
    {
        Systems = [System()],
        Objects = StandardObjects.All(Owner, Owner),
        Fields = [.. columns.Select((c, i) => c.Definition(Crm, i + 1))],
    };

    /// <summary>The settings the SQL connector reads: the database file, the object's table, key and updated-at columns.</summary>
    private static ConnectedSystem System()
    {
        var system = new ConnectedSystem
        {
            Id = Crm, Key = "crm", Name = "CRM", Kind = SystemKind.Crm, ConnectorType = "sql", Status = SystemStatus.Active, Owner = Owner,
        };
        system.Settings["provider"] = "sqlite";
        system.Settings["database"] = DatabaseFile;
        system.Settings[ObjectKey + ".table"] = ContactsTable.Table;
        system.Settings[ObjectKey + ".key"] = "id";
        system.Settings[ObjectKey + ".updated"] = ContactsTable.UpdatedColumn;
        return system;
    }
}
