using CrmGovernance.Core.Features.Configuration.Handbook;
using CrmGovernance.Core.Features.Configuration.Model;
using static CrmGovernance.Core.Tests.Features.Configuration.MatchRules.MatchRuleSamples;

namespace CrmGovernance.Core.Tests.Features.Configuration.MatchRules;

public sealed class MatchRuleHandbookTests
{
    private static readonly Guid Flow = Guid.Parse("00000000-0000-0000-0000-0000000000f7");

    private static GovernanceConfiguration WithFlow(GovernanceConfiguration c) => c with
    {
        Flows = [new() { Id = Flow, Name = "ERP companies to CRM", ObjectId = Company, SourceSystemId = Crm, TargetSystemId = Crm }],
    };

    [Fact]
    public void The_handbook_of_a_flow_describes_how_its_object_is_matched()
    {
        var handbook = FlowHandbookBuilder.Build(4, WithFlow(With()), Flow)!;

        Assert.Equal(MatchRuleText.Describe(CompanyRule()), handbook.Matching);
        Assert.Contains(handbook.Matching, l => l.Contains("website; company.metaphone+country", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_match_rule_the_handbook_has_no_matching_section() =>
        Assert.Empty(FlowHandbookBuilder.Build(4, WithFlow(With() with { MatchRules = [] }), Flow)!.Matching);
}
