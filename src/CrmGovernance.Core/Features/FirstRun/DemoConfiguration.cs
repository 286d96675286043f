using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.FirstRun;

/// <summary>
/// The demo's published configuration: a website, a CRM, a shop and marketing automation, with the classic cases —
/// a web form whose email already exists updates that contact and appends the submission as an activity (never a
/// second contact), a refunded order sets the customer status, a new order above <see cref="ReviewAbove"/> waits for a
/// steward, a closed-lost opportunity suppresses marketing; contacts and companies have the default match rules. The systems are real: the website posts to the inbox, the
/// others are SQLite files in data/demo (docs/demo.md).
/// </summary>
public static class DemoConfiguration
{
    public static readonly Guid Website = new("5e5e0000-0000-4000-8000-000000000001");
    public static readonly Guid Crm = new("5e5e0000-0000-4000-8000-000000000002");
    public static readonly Guid Shop = new("5e5e0000-0000-4000-8000-000000000003");
    public static readonly Guid Marketing = new("5e5e0000-0000-4000-8000-000000000004");
    public static readonly Guid WebFormFlow = new("f10e0000-0000-4000-8000-000000000001");
    public static readonly Guid OrdersFlow = new("f10e0000-0000-4000-8000-000000000002");
    public static readonly Guid OpportunitiesFlow = new("f10e0000-0000-4000-8000-000000000003");
    public static readonly Guid WebEnquiryStep = new("10e0000a-0000-4000-8000-000000000001");
    public static readonly Guid OrderStep = new("10e0000a-0000-4000-8000-000000000002");

    /// <summary>New orders with a larger amount are held for a steward's review.</summary>
    public const decimal ReviewAbove = 5_000m;

    public static GovernanceConfiguration Build(string owner, string steward)
    {
        var builder = new DemoConfigurationBuilder(owner);
        builder.Systems(Website, Crm, Shop, Marketing);
        builder.Fields();
        return new GovernanceConfiguration
        {
            Systems = builder.SystemList,
            Objects = StandardObjects.All(owner, steward),
            Fields = builder.FieldList,
            SourcesOfTruth = DemoConfigurationBuilder.SourcesOfTruth(),
            Journeys = builder.Journeys(WebEnquiryStep, OrderStep),
            Flows = builder.Flows(WebFormFlow, OrdersFlow, OpportunitiesFlow, WebEnquiryStep, OrderStep),
            Mappings = DemoConfigurationBuilder.Mappings(WebFormFlow, OrdersFlow, OpportunitiesFlow),
            Rules = DemoConfigurationBuilder.Rules(WebFormFlow, OrdersFlow, OpportunitiesFlow),
            // The CRM's company catalog calls the company name "name" and its website "domain".
            MatchRules = StandardMatchRules.All(new Dictionary<string, string>(StringComparer.Ordinal) { ["company"] = "name", ["website"] = "domain" }),
        };
    }

    /// <summary>The real-condition library's scenarios for every flow, as their suites.</summary>
    public static GovernanceConfiguration WithScenarioLibrary(GovernanceConfiguration configuration) => configuration with
    {
        Scenarios = [.. configuration.Flows.SelectMany(f => Scenarios.Library.ScenarioLibrary.For(configuration, f.Id).Scenarios)],
    };

    public static readonly Guid DemoIncidentPolicy = new("1c1d0000-0000-4000-8000-000000000001");

    /// <summary>
    /// The live demo's clocks, in minutes rather than hours (an outage lasts minutes: its incident is seen to escalate
    /// before it recovers), and an escalation contact on every object.
    /// </summary>
    public static GovernanceConfiguration WithLiveIncidentPolicy(GovernanceConfiguration configuration, string escalationContact) => configuration with
    {
        Objects = [.. configuration.Objects.Select(o => o with { EscalationContact = escalationContact })],
        // The demo's flows run every 30 s and some changes come only every minute or so: 8 quiet intervals (4 minutes)
        // before a flow counts as silent, which the shop's 8-minute pause crosses and ordinary lulls do not.
        IncidentPolicies = [new IncidentPolicy { Id = DemoIncidentPolicy, SilentAfterIntervals = 8, AcknowledgeMinutes = [2, 2, 10, 60], ResolveHours = [1, 4, 24, 72] }],
    };
}
