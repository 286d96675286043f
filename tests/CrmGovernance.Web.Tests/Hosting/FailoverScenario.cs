using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>
/// Several scheduled flows, each moving people from a SQLite source database of its own into the contacts of a SQLite
/// CRM database of its own, matched by email. The files lie in the connectors' root that every node can reach.
/// </summary>
internal sealed class FailoverScenario
{
    public const string Owner = "owner@example.com";

    public FailoverScenario(string systemsFolder, IReadOnlyList<(string Name, string Cron)> flows)
    {
        SystemsFolder = systemsFolder;
        Flows = [.. flows.Select((f, i) => new ScenarioFlow(new Guid($"00000000-0000-4000-8000-0000000f{i:x4}"), f.Name, f.Cron,
            Path.Combine(systemsFolder, $"source{i}.db"), Path.Combine(systemsFolder, $"crm{i}.db")))];
    }

    public string SystemsFolder { get; }
    public IReadOnlyList<ScenarioFlow> Flows { get; }

    public GovernanceConfiguration Configuration()
    {
        var systems = new List<ConnectedSystem>();
        var fields = new List<FieldDefinition>();
        var mappings = new List<FieldMapping>();
        var flows = new List<DataFlow>();
        foreach (var (flow, i) in Flows.Select((f, i) => (f, i)))
        {
            var source = Sql(new Guid($"00000000-0000-4000-8000-00000a00{i:x4}"), $"source{i}", flow.SourcePath);
            var crm = Sql(new Guid($"00000000-0000-4000-8000-00000b00{i:x4}"), $"crm{i}", flow.CrmPath);
            systems.AddRange([source, crm]);
            foreach (var name in new[] { "id", "email", "first_name", "last_name" })
            {
                fields.Add(Field(source.Id, name, FieldType.Text));
            }
            fields.AddRange([Field(crm.Id, "email", FieldType.Email, required: true), Field(crm.Id, "first_name", FieldType.Text),
                Field(crm.Id, "last_name", FieldType.Text, required: true)]);
            flows.Add(new DataFlow
            {
                Id = flow.Id, Name = flow.Name, ObjectId = StandardObjects.Contact, SourceSystemId = source.Id, TargetSystemId = crm.Id,
                Pattern = FlowPattern.Scheduled, Cron = flow.Cron, Owner = Owner, Status = FlowStatus.Active, MatchKeys = ["email"],
            });
            mappings.AddRange([Map(flow.Id, 1, "email", Transform.Of(TransformKind.EmailNormalise)), Map(flow.Id, 2, "first_name"), Map(flow.Id, 3, "last_name")]);
        }
        return new GovernanceConfiguration
        {
            Systems = systems, Objects = StandardObjects.All(Owner, Owner), Fields = fields, Flows = flows, Mappings = mappings,
        };
    }

    private static ConnectedSystem Sql(Guid id, string key, string database)
    {
        var system = new ConnectedSystem { Id = id, Key = key, Name = key, ConnectorType = "sql", Status = SystemStatus.Active, Owner = Owner };
        system.Settings["database"] = database;
        system.Settings["contact.table"] = Path.GetFileName(database).StartsWith("crm", StringComparison.Ordinal) ? "contacts" : "people";
        return system;
    }

    private static FieldDefinition Field(Guid system, string name, FieldType type, bool required = false) =>
        new() { Id = Guid.NewGuid(), SystemId = system, ObjectId = StandardObjects.Contact, Name = name, Type = type, Required = required };

    private static FieldMapping Map(Guid flow, int order, string field, params Transform[] steps) =>
        new() { Id = Guid.NewGuid(), FlowId = flow, Order = order, SourceFields = [field], TargetField = field, Transforms = [.. steps] };
}
