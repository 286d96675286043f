using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Benchmarks.Insights;

/// <summary>
/// The demo's configuration (web form → CRM contacts, the lead flow; shop orders → CRM; CRM opportunities → marketing) with two
/// more contact flows (shop customers → CRM, CRM contacts → marketing): five flows over three objects, each writing target
/// fields marked Required. Later versions each revise one flow, so a version comparison has changed and unchanged flows.
/// </summary>
internal static class InsightsBenchmarkConfiguration
{
    public const string Owner = "benchmark@example.com";
    public static readonly Guid ShopCustomersFlow = new("f10e0000-0000-4000-8000-0000000b1004");
    public static readonly Guid MarketingContactsFlow = new("f10e0000-0000-4000-8000-0000000b1005");

    /// <summary>The flows, the lead flow first.</summary>
    public static readonly Guid[] Flows =
        [DemoConfiguration.WebFormFlow, DemoConfiguration.OrdersFlow, DemoConfiguration.OpportunitiesFlow, ShopCustomersFlow, MarketingContactsFlow];

    public static GovernanceConfiguration Build()
    {
        var demo = DemoConfiguration.Build(Owner, Owner);
        var configuration = demo with
        {
            Flows =
            [
                .. demo.Flows,
                Flow(ShopCustomersFlow, "Shop customers to CRM contacts", DemoConfiguration.Shop, DemoConfiguration.Crm, "0 0/15 * * * ?"),
                Flow(MarketingContactsFlow, "CRM contacts to marketing", DemoConfiguration.Crm, DemoConfiguration.Marketing, "0 5/15 * * * ?"),
            ],
            Mappings =
            [
                .. demo.Mappings,
                Map(ShopCustomersFlow, 1, "email", Transform.Of(TransformKind.EmailNormalise)),
                Map(ShopCustomersFlow, 2, "first_name", Transform.Of(TransformKind.TitleCase)),
                Map(ShopCustomersFlow, 3, "last_name", Transform.Of(TransformKind.TitleCase)),
                Map(MarketingContactsFlow, 1, "email", Transform.Of(TransformKind.EmailNormalise)),
                Map(MarketingContactsFlow, 2, "first_name"),
            ],
        };
        var issues = ConfigurationValidator.Validate(configuration);
        return issues.Count == 0 ? configuration
            : throw new InvalidOperationException("The benchmark's configuration is invalid: " + string.Join(" ", issues.Select(i => i.Message)));
    }

    /// <summary>The flow version <paramref name="number"/> (2 and up) revises: the lead flow in version 4, the mid-year one of seven.</summary>
    public static Guid Revised(int number) => Flows[(number + 1) % Flows.Length];

    /// <summary>Version <paramref name="number"/> (2 and up): the one before with <see cref="Revised"/> changed.</summary>
    public static GovernanceConfiguration Revise(GovernanceConfiguration before, int number)
    {
        var flowId = Revised(number);
        return before with
        {
            Flows = [.. before.Flows.Select(f => f.Id == flowId ? f with { Outcome = f.Outcome + " Revised in version " + number + "." } : f)],
        };
    }

    /// <summary>The target fields a flow writes, with whether the target requires them (what the seeded AfterJson holds).</summary>
    public static IReadOnlyList<(string Field, bool Required)> TargetFields(GovernanceConfiguration configuration, Guid flowId)
    {
        var flow = configuration.FindFlow(flowId)!;
        var catalog = configuration.FieldsOf(flow.TargetSystemId, flow.ObjectId).ToDictionary(f => f.Name, f => f.Required, StringComparer.OrdinalIgnoreCase);
        return configuration.Mappings.Where(m => m.FlowId == flowId).OrderBy(m => m.Order)
            .Select(m => (m.TargetField, catalog.GetValueOrDefault(m.TargetField))).ToList();
    }

    private static DataFlow Flow(Guid id, string name, Guid source, Guid target, string cron) => new()
    {
        Id = id, Name = name, ObjectId = StandardObjects.Contact, SourceSystemId = source, TargetSystemId = target, Pattern = FlowPattern.Scheduled,
        Cron = cron, Owner = Owner, Status = FlowStatus.Active, DefaultRegion = "GB", MatchKeys = ["email"], Outcome = "Benchmark flow.",
    };

    private static FieldMapping Map(Guid flow, int order, string field, params Transform[] steps) =>
        new() { Id = Guid.NewGuid(), FlowId = flow, Order = order, SourceFields = [field], TargetField = field, Transforms = [.. steps] };
}
