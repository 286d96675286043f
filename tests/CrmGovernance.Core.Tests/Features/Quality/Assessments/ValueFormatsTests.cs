using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Quality.Assessments;

namespace CrmGovernance.Core.Tests.Features.Quality.Assessments;

public sealed class ValueFormatsTests
{
    [Theory]
    [InlineData(FormatCheck.Email, "jo.bloggs+news@example.co.uk", "GB", null)]
    [InlineData(FormatCheck.Email, "jo.bloggs@example", "GB", "not an email address")]
    [InlineData(FormatCheck.Email, "jo bloggs@example.com", "GB", "not an email address")]
    [InlineData(FormatCheck.Phone, "+447700900123", "GB", null)]
    [InlineData(FormatCheck.Phone, "07700 900123", "GB", "a phone number, not in E.164 (+…)")]
    [InlineData(FormatCheck.Phone, "+44 (0)20 7946 0000", "GB", "a phone number, not in E.164 (+…)")]
    [InlineData(FormatCheck.Phone, "030 1234567", "DE", "a phone number, not in E.164 (+…)")]
    [InlineData(FormatCheck.Phone, "n/a", "GB", "not a phone number")]
    [InlineData(FormatCheck.Date, "2024-02-29", "GB", null)]
    [InlineData(FormatCheck.Date, "2024-02-29T13:45:00Z", "GB", null)]
    [InlineData(FormatCheck.Date, "29/02/2024", "GB", "a date, not in ISO 8601 (yyyy-mm-dd)")]
    [InlineData(FormatCheck.Date, "Feb 29, 2024", "GB", "a date, not in ISO 8601 (yyyy-mm-dd)")]
    [InlineData(FormatCheck.Date, "2023-02-29", "GB", "not a date")]
    [InlineData(FormatCheck.Date, "soon", "GB", "not a date")]
    [InlineData(FormatCheck.Postcode, "EC1A 1BB", "GB", null)]
    [InlineData(FormatCheck.Postcode, "ec1a 1bb", "GB", "not a postcode of GB")]
    [InlineData(FormatCheck.Postcode, "10115", "DE", null)]
    [InlineData(FormatCheck.Postcode, "1011", "DE", "not a postcode of DE")]
    [InlineData(FormatCheck.Postcode, "94105-1234", "US", null)]
    [InlineData(FormatCheck.Url, "https://example.com/about", "GB", null)]
    [InlineData(FormatCheck.Url, "example.com", "GB", "not a web address (https://…)")]
    [InlineData(FormatCheck.Url, "ftp://example.com", "GB", "not a web address (https://…)")]
    public void A_value_has_its_kinds_form_or_says_why_not(FormatCheck check, string value, string region, string? problem) =>
        Assert.Equal(problem, ValueFormats.Problem(check, value, region));

    [Theory]
    [InlineData("email", FieldType.Email, FormatCheck.Email)]
    [InlineData("mobile", FieldType.Phone, FormatCheck.Phone)]
    [InlineData("closed_on", FieldType.DateTime, FormatCheck.Date)]
    [InlineData("billing_postcode", FieldType.Text, FormatCheck.Postcode)]
    [InlineData("Zip Code", FieldType.Text, FormatCheck.Postcode)]
    [InlineData("company_website", FieldType.Text, FormatCheck.Url)]
    [InlineData("website_notes_owner", FieldType.Text, FormatCheck.None)]
    [InlineData("amount", FieldType.Money, FormatCheck.None)]
    public void The_check_comes_from_the_fields_type_or_for_postcodes_and_web_addresses_its_name(string name, FieldType type, FormatCheck check) =>
        Assert.Equal(check, ValueFormats.For(new FieldDefinition { Id = Guid.NewGuid(), SystemId = Guid.NewGuid(), ObjectId = Guid.NewGuid(), Name = name, Type = type }));
}
