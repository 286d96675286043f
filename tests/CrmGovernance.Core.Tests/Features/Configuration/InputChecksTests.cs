using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;

namespace CrmGovernance.Core.Tests.Features.Configuration;

/// <summary>The checks the forms run as a person types: emails, phone regions, whole numbers, keys and duplicates.</summary>
public sealed class InputChecksTests
{
    [Theory]
    [InlineData("jane@example.com")]
    [InlineData("jane.doe+crm@mail.example.co.uk")]
    [InlineData("  jane@example.com  ")]
    [InlineData("")]
    public void Addresses_and_empty_values_pass(string value) => Assert.Null(InputChecks.Email(value, "Owner (email)"));

    [Theory]
    [InlineData("jane.example.com")]
    [InlineData("jane@localhost")]
    [InlineData("Jane <jane@example.com>")]
    [InlineData("jane@example..com")]
    [InlineData("jane doe@example.com")]
    [InlineData("jane@@example.com")]
    public void Anything_else_is_not_an_email_and_the_message_names_the_field(string value) =>
        Assert.Equal($"Owner (email): \"{value.Trim()}\" is not an email address; write it as name@example.com.", InputChecks.Email(value, "Owner (email)"));

    [Theory]
    [InlineData("GB")]
    [InlineData("us")]
    [InlineData(" DE ")]
    [InlineData("")]
    public void Country_codes_with_a_numbering_plan_are_phone_regions(string code) => Assert.Null(PhoneRegions.Problem(code, "Default phone region"));

    [Theory]
    [InlineData("UK", " The United Kingdom is GB.")]
    [InlineData("USA", " The United States are US.")]
    [InlineData("ZZ", "")]
    [InlineData("G", "")]
    [InlineData("+44", "")]
    public void Other_codes_are_refused_with_a_hint_where_one_helps(string code, string hint) =>
        Assert.Equal($"Default phone region: \"{code}\" is not a country code. Use the two-letter ISO 3166 code, e.g. GB, US, DE.{hint}",
            PhoneRegions.Problem(code, "Default phone region"));

    [Fact]
    public void A_whole_number_below_the_minimum_or_with_text_is_refused_in_words()
    {
        Assert.Null(InputChecks.WholeNumber(" 3 ", "Phase", 1, out var three));
        Assert.Equal(3, three);
        Assert.Equal("Phase: \"two\" is not a whole number of 1 or more, e.g. 1.", InputChecks.WholeNumber("two", "Phase", 1, out _));
        Assert.Equal("Phase: \"0\" is not a whole number of 1 or more, e.g. 1.", InputChecks.WholeNumber("0", "Phase", 1, out _));
        Assert.Equal("Phase: \"1.5\" is not a whole number of 1 or more, e.g. 1.", InputChecks.WholeNumber("1.5", "Phase", 1, out _));
        Assert.Equal("Phase needs a number, e.g. 1.", InputChecks.WholeNumber(" ", "Phase", 1, out _));
    }

    [Fact]
    public void Duplicates_ignore_case_and_the_item_being_edited()
    {
        var crm = new ConnectedSystem { Id = Guid.NewGuid(), Key = "crm", Name = "CRM" };
        var site = new ConnectedSystem { Id = Guid.NewGuid(), Key = "website", Name = "Website" };
        var c = new GovernanceConfiguration { Systems = [crm, site] };

        Assert.Equal("The system CRM already uses the key \"CRM\"; keys must be unique.", DuplicateCheck.SystemKey(c, site.Id, "CRM"));
        Assert.Null(DuplicateCheck.SystemKey(c, crm.Id, "CRM"));
        Assert.Equal("Another system is already called \"website\".", DuplicateCheck.SystemName(c, Guid.Empty, " website "));
        Assert.Null(DuplicateCheck.SystemName(c, Guid.Empty, "Shop"));
        Assert.Null(DuplicateCheck.SystemName(c, Guid.Empty, ""));
    }

    [Fact]
    public void Field_names_and_mapping_targets_are_unique_only_where_they_must_be()
    {
        var (crm, site, contact) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var flow = Guid.NewGuid();
        var c = new GovernanceConfiguration
        {
            Systems = [new() { Id = crm, Key = "crm", Name = "CRM" }, new() { Id = site, Key = "website", Name = "Website" }],
            Objects = [new() { Id = contact, Key = "contact", Name = "Contact" }],
            Fields = [new() { Id = Guid.NewGuid(), SystemId = crm, ObjectId = contact, Name = "email" }],
            Mappings = [new() { Id = Guid.NewGuid(), FlowId = flow, TargetField = "email", SourceFields = ["email"] }],
        };

        Assert.Equal("CRM already has a field \"Email\" for Contact.", DuplicateCheck.FieldName(c, Guid.Empty, crm, contact, "Email"));
        Assert.Null(DuplicateCheck.FieldName(c, Guid.Empty, site, contact, "email"));
        Assert.Equal("Another mapping of this flow already writes email; edit that one instead.", DuplicateCheck.MappingTarget(c, Guid.Empty, flow, "email"));
        Assert.Null(DuplicateCheck.MappingTarget(c, Guid.Empty, Guid.NewGuid(), "email"));
    }
}
