using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>
/// A published configuration with one flow: people in a SQLite "source" database → contacts in a SQLite "crm"
/// database, matched by email. The CRM is the system of record for contacts except the email, which the source owns.
/// </summary>
internal static class SyncScenario
{
    public const string Owner = "owner@example.com";
    public static readonly Guid Source = new("00000000-0000-4000-8000-00000000a001");
    public static readonly Guid Crm = new("00000000-0000-4000-8000-00000000a002");
    public static readonly Guid Flow = new("00000000-0000-4000-8000-00000000f001");
    public static Guid Contact => StandardObjects.Contact;

    public static GovernanceConfiguration Build(params BusinessRule[] rules)
    {
        var fields = new List<FieldDefinition>();
        void Field(Guid system, string name, FieldType type, bool required = false, params string[] values) =>
            fields.Add(new() { Id = Guid.NewGuid(), SystemId = system, ObjectId = Contact, Name = name, Type = type, Required = required, AllowedValues = [.. values] });
        foreach (var name in new[] { "id", "email", "first_name", "last_name", "phone" })
        {
            Field(Source, name, FieldType.Text);
        }
        Field(Crm, "email", FieldType.Email, required: true);
        Field(Crm, "first_name", FieldType.Text);
        Field(Crm, "last_name", FieldType.Text, required: true);
        Field(Crm, "phone", FieldType.Phone);
        Field(Crm, "lifecycle_stage", FieldType.Picklist, false, "lead", "customer");
        Field(Crm, "customer_status", FieldType.Text);
        return new GovernanceConfiguration
        {
            Systems =
            [
                Sql(Source, "source", "source.db", "people"),
                Sql(Crm, "crm", "crm.db", "contacts"),
            ],
            Objects = StandardObjects.All(Owner, Owner),
            Fields = fields,
            SourcesOfTruth =
            [
                new() { Id = Guid.NewGuid(), ObjectId = Contact, SystemOfRecordId = Crm, Fields = [new() { Field = "email", OwnerSystemId = Source }] },
            ],
            Flows =
            [
                new()
                {
                    Id = Flow, Name = "People to CRM", ObjectId = Contact, SourceSystemId = Source, TargetSystemId = Crm, Pattern = FlowPattern.Scheduled,
                    Cron = "0 0 * * * ?", Owner = Owner, Status = FlowStatus.Active, DefaultRegion = "GB", MatchKeys = ["email"],
                },
            ],
            Mappings =
            [
                Map(1, "email", "email", Transform.Of(TransformKind.EmailNormalise)),
                Map(2, "first_name", "first_name", Transform.Of(TransformKind.CollapseWhitespace), Transform.Of(TransformKind.TitleCase)),
                Map(3, "last_name", "last_name", Transform.Of(TransformKind.CollapseWhitespace), Transform.Of(TransformKind.TitleCase)),
                Map(4, "phone", "phone", Transform.Of(TransformKind.PhoneE164)),
                new() { Id = Guid.NewGuid(), FlowId = Flow, Order = 5, TargetField = "lifecycle_stage", Transforms = [Transform.Of(TransformKind.Constant, ("value", "lead"))] },
            ],
            Rules = [.. rules],
        };
    }

    public static BusinessRule Rule(string name, RuleTriggerKind trigger, params RuleAction[] actions) =>
        new() { Id = Guid.NewGuid(), FlowId = Flow, Name = name, Trigger = trigger, Actions = [.. actions] };

    private static ConnectedSystem Sql(Guid id, string key, string database, string table)
    {
        var system = new ConnectedSystem { Id = id, Key = key, Name = key, ConnectorType = "sql", Status = SystemStatus.Active, Owner = Owner };
        system.Settings["database"] = database;
        system.Settings["contact.table"] = table;
        return system;
    }

    private static FieldMapping Map(int order, string source, string target, params Transform[] steps) =>
        new() { Id = Guid.NewGuid(), FlowId = Flow, Order = order, SourceFields = [source], TargetField = target, Transforms = [.. steps] };
}
