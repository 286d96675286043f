using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrmGovernance.Core.Features.Configuration.Model;
using static CrmGovernance.Core.Features.FirstRun.DemoConfiguration;

namespace CrmGovernance.Core.Features.FirstRun;

/// <summary>Builds the pieces of <see cref="DemoConfiguration"/>; ids derive from names, so every demo is identical.</summary>
internal sealed partial class DemoConfigurationBuilder(string owner)
{
    public List<ConnectedSystem> SystemList { get; } = [];
    public List<FieldDefinition> FieldList { get; } = [];

    /// <summary>Real connectors: the website posts to the inbox; the CRM, shop and marketing tool are SQLite files in data/demo (DemoDatabases).</summary>
    public void Systems(Guid website, Guid crm, Guid shop, Guid marketing)
    {
        SystemList.Add(System(website, "website", "Website", SystemKind.WebsiteCms, "webhook", []));
        SystemList.Add(System(crm, "crm", "CRM", SystemKind.Crm, "sql",
        [
            ("database", "demo/crm.db"), ("contact.table", "contacts"), ("company.table", "companies"), ("opportunity.table", "opportunities"),
            ("opportunity.created", "created_at"), ("order.table", "orders"), ("activity.table", "activities"),
        ]));
        SystemList.Add(System(shop, "shop", "Shop", SystemKind.Ecommerce, "sql",
            [("database", "demo/shop.db"), ("contact.table", "customers"), ("order.table", "orders"), ("order.created", "created_at")]));
        SystemList.Add(System(marketing, "marketing", "Marketing automation", SystemKind.MarketingAutomation, "sql",
            [("database", "demo/marketing.db"), ("contact.table", "contacts"), ("opportunity.table", "opportunities")]));
    }

    public static List<SourceOfTruth> SourcesOfTruth() =>
    [
        new()
        {
            Id = Id("sot:contact"), ObjectId = StandardObjects.Contact, SystemOfRecordId = Crm,
            Fields =
            [
                new() { Field = "email", OwnerSystemId = Website, Strategy = SurvivorshipStrategy.MostRecent },
                new() { Field = "lifecycle_stage", OwnerSystemId = Crm, Strategy = SurvivorshipStrategy.SourcePriority, Priority = [Crm] },
                new() { Field = "phone", Strategy = SurvivorshipStrategy.NeverOverwriteNonEmpty },
            ],
        },
        new() { Id = Id("sot:order"), ObjectId = StandardObjects.Order, SystemOfRecordId = Shop },
        new() { Id = Id("sot:opportunity"), ObjectId = StandardObjects.Opportunity, SystemOfRecordId = Crm },
    ];

    public List<Journey> Journeys(Guid webEnquiry, Guid orderPlaced) =>
    [
        new()
        {
            Id = Id("journey:lead-capture"), Name = "Lead capture", Order = 1, Owner = owner,
            Description = "From a first web enquiry to a contact sales can follow up.",
            Steps =
            [
                new()
                {
                    Id = webEnquiry, Name = "Web enquiry", SystemIds = [Website, Crm], ObjectIds = [StandardObjects.Contact],
                    Decision = "A web enquiry enters the CRM as a new contact when its email is new, and updates the existing contact when it is not.",
                    Friction = "Re-submitted forms used to create duplicate contacts.", Outcome = "Sales follows up every enquiry within a day.",
                },
            ],
        },
        new()
        {
            Id = Id("journey:orders"), Name = "Orders", Order = 7, Owner = owner, Description = "From a shop order to the customer's record in the CRM.",
            Steps =
            [
                new()
                {
                    Id = orderPlaced, Name = "Order placed or refunded", SystemIds = [Shop, Crm], ObjectIds = [StandardObjects.Order, StandardObjects.Contact],
                    Decision = "Every order reaches the CRM; a refund changes the customer's status.", Friction = "Refunds were re-keyed by hand.",
                    Outcome = "Account managers see orders and refunds without asking finance.",
                },
            ],
        },
    ];

    public List<DataFlow> Flows(Guid webForm, Guid orders, Guid opportunities, Guid webEnquiry, Guid orderPlaced) =>
    [
        new()
        {
            Id = webForm, Name = "Web form to CRM contacts", ObjectId = StandardObjects.Contact, SourceSystemId = Website, TargetSystemId = Crm,
            Pattern = FlowPattern.EventDriven, Outcome = "Every web enquiry reaches sales within minutes, without duplicate contacts.",
            Phase = 1, Owner = owner, Status = FlowStatus.Active, JourneyStepId = webEnquiry, DefaultRegion = "GB", MatchKeys = ["email"],
        },
        new()
        {
            Id = orders, Name = "Shop orders to CRM", ObjectId = StandardObjects.Order, SourceSystemId = Shop, TargetSystemId = Crm,
            Pattern = FlowPattern.Scheduled, Cron = "0/30 * * * * ?", Outcome = "Account managers see orders and refunds in the CRM.",
            Phase = 1, Owner = owner, Status = FlowStatus.Active, JourneyStepId = orderPlaced, MatchKeys = ["external_id"],
        },
        new()
        {
            Id = opportunities, Name = "CRM opportunities to marketing", ObjectId = StandardObjects.Opportunity, SourceSystemId = Crm,
            TargetSystemId = Marketing, Pattern = FlowPattern.Scheduled, Cron = "15/30 * * * * ?",
            Outcome = "Nobody who just lost a deal receives promotional email.", Phase = 2, Owner = owner, Status = FlowStatus.Active,
            MatchKeys = ["crm_reference"],
        },
    ];

    public static List<FieldMapping> Mappings(Guid webForm, Guid orders, Guid opportunities) =>
    [
        Map(webForm, 1, "email", ["email"], Step(TransformKind.EmailNormalise)),
        Map(webForm, 2, "first_name", ["first_name"], Step(TransformKind.CollapseWhitespace), Step(TransformKind.TitleCase)),
        Map(webForm, 3, "last_name", ["last_name"], Step(TransformKind.CollapseWhitespace), Step(TransformKind.TitleCase)),
        Map(webForm, 4, "phone", ["phone"], Step(TransformKind.PhoneE164)),
        Map(webForm, 5, "last_form_at", ["submitted_at"], Step(TransformKind.ParseDate, ("formats", "dd/MM/yyyy HH:mm|yyyy-MM-ddTHH:mm:ssZ"))),
        Map(webForm, 6, "lifecycle_stage", [], Step(TransformKind.Constant, ("value", "lead"))),
        Map(orders, 1, "external_id", ["order_id"], Step(TransformKind.Trim)),
        Map(orders, 2, "contact_email", ["customer_email"], Step(TransformKind.EmailNormalise)),
        Map(orders, 3, "status", ["status"], StatusMap()),
        Map(orders, 4, "amount", ["total"]),
        Map(opportunities, 1, "crm_reference", ["reference"], Step(TransformKind.Trim)),
        Map(opportunities, 2, "contact_email", ["contact_email"], Step(TransformKind.EmailNormalise)),
        Map(opportunities, 3, "stage", ["stage"]),
    ];

    public static List<BusinessRule> Rules(Guid webForm, Guid orders, Guid opportunities) =>
    [
        Rule(webForm, 1, "Existing email updates the contact and logs the enquiry", RuleTriggerKind.MatchedExisting, null, null,
            new() { Kind = RuleActionKind.UpdateOwnedFieldsOnly }, new() { Kind = RuleActionKind.AppendActivity }),
        Rule(webForm, 2, "New email creates a contact", RuleTriggerKind.Created, null, null, new RuleAction { Kind = RuleActionKind.Create }),
        Rule(orders, 1, "Refunded order sets the customer status", RuleTriggerKind.FieldChangedTo, "status", "refunded",
            new() { Kind = RuleActionKind.SetField, Field = "contact.customer_status", Value = "refunded" }, new() { Kind = RuleActionKind.Update }),
        Rule(orders, 2, "A new order above 5,000 is held for a steward", RuleTriggerKind.Created, null, null,
            new RuleAction { Kind = RuleActionKind.RouteToReview }) with
        {
            Conditions = [new() { Field = "amount", Operator = ConditionOperator.GreaterThan, Value = DemoConfiguration.ReviewAbove.ToString(CultureInfo.InvariantCulture) }],
        },
        Rule(opportunities, 1, "Closed-lost opportunity suppresses marketing", RuleTriggerKind.FieldChangedTo, "stage", "closed_lost",
            new() { Kind = RuleActionKind.SuppressMarketing }, new() { Kind = RuleActionKind.NotifyOwner }),
    ];

    private static Transform StatusMap()
    {
        var map = Step(TransformKind.ValueMap, ("default", "other"));
        foreach (var status in new[] { "paid", "shipped", "refunded" })
        {
            map.Map[status] = status;
        }
        return map;
    }

    private ConnectedSystem System(Guid id, string key, string name, SystemKind kind, string connector, (string Name, string Value)[] settings) =>
        new()
        {
            Id = id, Key = key, Name = name, Kind = kind, ConnectorType = connector, Owner = owner, Status = SystemStatus.Active,
            Settings = new(settings.ToDictionary(s => s.Name, s => s.Value), StringComparer.Ordinal),
        };

    private void Field(Guid system, Guid obj, string name, FieldType type, bool required = false, List<string>? values = null, Guid? reference = null) =>
        FieldList.Add(new()
        {
            Id = Id($"field:{system}:{obj}:{name}"), SystemId = system, ObjectId = obj, Name = name, Type = type, Required = required,
            ReferenceObjectId = reference,
            Label = char.ToUpperInvariant(name[0]) + name[1..].Replace('_', ' '), AllowedValues = values ?? [], Owner = owner,
        });

    private static FieldMapping Map(Guid flow, int order, string target, List<string> sources, params Transform[] steps) =>
        new() { Id = Id($"mapping:{flow}:{target}"), FlowId = flow, Order = order, TargetField = target, SourceFields = sources, Transforms = [.. steps] };

    private static Transform Step(TransformKind kind, params (string, string)[] args) => Transform.Of(kind, args);

    private static BusinessRule Rule(Guid flow, int order, string name, RuleTriggerKind trigger, string? field, string? value, params RuleAction[] actions) =>
        new() { Id = Id($"rule:{flow}:{order}"), FlowId = flow, Order = order, Name = name, Trigger = trigger, TriggerField = field, TriggerValue = value, Actions = [.. actions] };

    internal static Guid Id(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes("crmgovernance-demo:" + name)).AsSpan(0, 16));
}
