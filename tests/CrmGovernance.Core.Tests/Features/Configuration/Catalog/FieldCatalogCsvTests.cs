using CrmGovernance.Core.Features.Configuration.Catalog;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Core.Tests.Features.Configuration.Catalog;

public sealed class FieldCatalogCsvTests
{
    private readonly GovernanceConfiguration _demo = DemoConfiguration.Build("owner@example.com", "steward@example.com");

    [Fact]
    public void A_field_list_is_read_with_types_picklist_values_and_references()
    {
        const string csv = "name,label,type,required,allowed_values,reference_object\n" +
            "email,E-mail,email,yes,,\n" +
            "tier,Tier,picklist,no,gold|silver|\"bronze, plus\",\n" +
            "employer,Employer,reference,,,company\n";
        var (fields, errors) = FieldCatalogCsv.Parse(csv, _demo, DemoConfiguration.Marketing, StandardObjects.Contact);

        Assert.Empty(errors);
        Assert.Equal(["email", "tier", "employer"], fields.Select(f => f.Name));
        Assert.True(fields[0].Required);
        Assert.Equal(FieldType.Email, fields[0].Type);
        Assert.Equal(["gold", "silver", "bronze, plus"], fields[1].AllowedValues);
        Assert.Equal(StandardObjects.Company, fields[2].ReferenceObjectId);
    }

    [Fact]
    public void A_field_list_of_more_lines_than_the_limit_is_refused_before_any_line_is_read()
    {
        var csv = "name,type\n" + string.Concat(Enumerable.Range(0, FieldCatalogCsv.MaxFields + 1).Select(i => $"f{i},text\n"));

        var (fields, errors) = FieldCatalogCsv.Parse(csv, _demo, DemoConfiguration.Marketing, StandardObjects.Contact);

        Assert.Empty(fields);
        Assert.Equal("The file has 2,001 lines after the header; import at most 2,000 fields at a time.", Assert.Single(errors));
    }

    [Fact]
    public void A_field_list_larger_than_the_limit_is_refused()
    {
        var csv = "name,type,description\nf,text," + new string('x', FieldCatalogCsv.MaxBytes) + "\n";

        var (fields, errors) = FieldCatalogCsv.Parse(csv, _demo, DemoConfiguration.Marketing, StandardObjects.Contact);

        Assert.Empty(fields);
        Assert.Equal(FieldCatalogCsv.TooLarge, Assert.Single(errors));
    }

    [Fact]
    public void A_field_already_in_the_catalog_keeps_its_id()
    {
        var existing = _demo.FieldsOf(DemoConfiguration.Marketing, StandardObjects.Contact).Single(f => f.Name == "email");
        var (fields, _) = FieldCatalogCsv.Parse("name;type\nemail;email\n", _demo, DemoConfiguration.Marketing, StandardObjects.Contact);
        Assert.Equal(existing.Id, Assert.Single(fields).Id);
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_line_number_and_the_rest_is_read()
    {
        const string csv = "name,type,reference_object\nok,text,\n,text,\nbad,colour,\nref,reference,planet\nok,text,\n";
        var (fields, errors) = FieldCatalogCsv.Parse(csv, _demo, DemoConfiguration.Crm, StandardObjects.Lead);

        Assert.Equal(["ok"], fields.Select(f => f.Name));
        Assert.Equal(
            ["Line 3: the field has no name.", "Line 4: \"colour\" is not a field type (Text, Email, Phone, Number, Money, Date, DateTime, Boolean, Picklist, Reference).",
             "Line 5: the object \"planet\" does not exist.", "Line 6: ok is listed twice."], errors);
    }

    [Fact]
    public void A_file_without_the_header_is_refused()
    {
        var (fields, errors) = FieldCatalogCsv.Parse("email,text\n", _demo, DemoConfiguration.Crm, StandardObjects.Lead);
        Assert.Empty(fields);
        Assert.Contains("name and type", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Importing_a_known_field_keeps_what_the_file_has_no_column_for()
    {
        var existing = _demo.FieldsOf(DemoConfiguration.Crm, StandardObjects.Contact).Single(f => f.Name == "lifecycle_stage") with
        {
            Description = "Where the contact is in the funnel", Owner = "marketing@example.com",
        };
        var config = _demo with { Fields = [.. _demo.Fields.Where(f => f.Id != existing.Id), existing] };

        var (fields, errors) = FieldCatalogCsv.Parse("name,type,required\nlifecycle_stage,picklist,yes\n", config, DemoConfiguration.Crm, StandardObjects.Contact);

        Assert.Empty(errors);
        var field = Assert.Single(fields);
        Assert.Equal((existing.Id, true, "Where the contact is in the funnel", "marketing@example.com"), (field.Id, field.Required, field.Description, field.Owner));
        Assert.Equal(existing.AllowedValues, field.AllowedValues);
        Assert.Equal(existing.Label, field.Label);
    }

    [Fact]
    public void A_numeric_type_is_refused()
    {
        var (_, errors) = FieldCatalogCsv.Parse("name,type\nscore,42\n", _demo, DemoConfiguration.Crm, StandardObjects.Lead);
        Assert.Contains("\"42\" is not a field type", Assert.Single(errors), StringComparison.Ordinal);
    }
}
