using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Tests.Features.FirstRun;

public sealed class StandardMatchRulesTests
{
    [Fact]
    public void The_demo_matches_contacts_and_companies_with_the_default_rules_under_fixed_ids()
    {
        var demo = DemoConfiguration.Build("owner@example.com", "steward@example.com");

        var contact = demo.MatchRuleOf(StandardObjects.Contact)!;
        var company = demo.MatchRuleOf(StandardObjects.Company)!;

        Assert.Equal((StandardMatchRules.Contact, StandardMatchRules.Company), (contact.Id, company.Id));
        Assert.Equal(2, demo.MatchRules.Count);
        var defaults = DefaultMatchRules.Contact(contact.Id, StandardObjects.Contact);
        Assert.Equal(defaults.BlockingKeys, contact.BlockingKeys);
        Assert.Equal(defaults.Comparisons.SelectMany(c => c.Levels), contact.Comparisons.SelectMany(c => c.Levels));
    }

    [Fact]
    public void The_demo_company_rule_reads_the_crms_name_and_domain_fields()
    {
        var demo = DemoConfiguration.Build("owner@example.com", "steward@example.com");
        var company = demo.MatchRuleOf(StandardObjects.Company)!;

        Assert.Equal("name", company.FieldNames[MatchAttributes.Company]);
        Assert.Equal("domain", company.FieldNames[MatchAttributes.Website]);
        var fields = MatchFields.For(company, demo.CatalogOf(DemoConfiguration.Crm, StandardObjects.Company)).FieldByAttribute;
        Assert.Equal(("name", "domain", "country"), (fields[MatchAttributes.Company], fields[MatchAttributes.Website], fields[MatchAttributes.Country]));
    }

    [Fact]
    public void Without_the_demo_the_standard_objects_start_with_valid_default_rules_for_contact_and_company()
    {
        var seeded = ConfigurationSeeder.StandardObjectsOwnedBy("admin@example.com");

        Assert.Empty(ConfigurationValidator.Validate(seeded).Select(i => i.Message));
        Assert.Equal([StandardObjects.Contact, StandardObjects.Company], seeded.MatchRules.Select(r => r.ObjectId));
        Assert.Empty(seeded.MatchRuleOf(StandardObjects.Company)!.FieldNames);
    }
}
