using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Tests.Features.Configuration.MatchRules;

/// <summary>A CRM with a contact and a company catalog, and a valid hand-written company match rule (built afresh each call).</summary>
internal static class MatchRuleSamples
{
    public static readonly Guid Crm = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid Company = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    public static readonly Guid Rule = Guid.Parse("00000000-0000-0000-0000-0000000000e7");

    public static MatchRule CompanyRule() => new()
    {
        Id = Rule, ObjectId = Company, Name = "Company", AutoMatchThreshold = 0.97, ReviewThreshold = 0.6, PriorWeight = -9.5,
        Comparisons =
        [
            new() { Attribute = "company", Comparator = ComparatorKind.JaroWinkler, Levels = [new(0.95, 7.25), new(0.88, 3)], MismatchWeight = -5 },
            new() { Attribute = "website", Comparator = ComparatorKind.Exact, Levels = [new(1, 9)], MismatchWeight = -4.5 },
        ],
        BlockingKeys = ["website", "company.metaphone+country"],
        FieldNames = new(StringComparer.Ordinal) { ["company"] = "name", ["website"] = "domain" },
    };

    public static GovernanceConfiguration With(MatchRule? rule = null) => new()
    {
        Systems = [new() { Id = Crm, Key = "crm", Name = "CRM", Owner = "ops@example.com" }],
        Objects = [new() { Id = Company, Key = "company", Name = "Company", Owner = "grace@example.com", Steward = "ada@example.com" }],
        Fields =
        [
            new() { Id = Guid.Parse("00000000-0000-0000-0000-0000000000d1"), SystemId = Crm, ObjectId = Company, Name = "name" },
            new() { Id = Guid.Parse("00000000-0000-0000-0000-0000000000d2"), SystemId = Crm, ObjectId = Company, Name = "domain" },
            new() { Id = Guid.Parse("00000000-0000-0000-0000-0000000000d3"), SystemId = Crm, ObjectId = Company, Name = "country" },
        ],
        MatchRules = [rule ?? CompanyRule()],
    };
}
