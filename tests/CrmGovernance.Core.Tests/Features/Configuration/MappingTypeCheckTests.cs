using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;

namespace CrmGovernance.Core.Tests.Features.Configuration;

public sealed class MappingTypeCheckTests
{
    private static FieldDefinition Field(string name, FieldType type, params string[] allowed) =>
        new() { Id = Guid.NewGuid(), SystemId = Guid.NewGuid(), ObjectId = Guid.NewGuid(), Name = name, Type = type, AllowedValues = [.. allowed] };

    private static IReadOnlyList<string> Check(FieldDefinition[] sources, FieldDefinition target, params Transform[] steps) =>
        MappingTypeCheck.Check(
            new FieldMapping { Id = Guid.NewGuid(), FlowId = Guid.NewGuid(), TargetField = target.Name, SourceFields = [.. sources.Select(s => s.Name)], Transforms = [.. steps] },
            sources, target);

    private static readonly FieldDefinition Text = Field("signup", FieldType.Text);
    private static readonly FieldDefinition Date = Field("signup_date", FieldType.Date);
    private static readonly FieldDefinition Stage = Field("lifecycle", FieldType.Picklist, "lead", "customer");

    private static Transform Stages(string? fallback, params (string From, string To)[] pairs)
    {
        var map = fallback is null ? Transform.Of(TransformKind.ValueMap) : Transform.Of(TransformKind.ValueMap, ("default", fallback));
        foreach (var (from, to) in pairs) { map.Map[from] = to; }
        return map;
    }

    [Fact]
    public void A_phone_step_naming_a_region_that_is_not_a_country_code_is_refused_with_the_step_label()
    {
        var phone = Field("phone", FieldType.Phone);
        Assert.Equal(["phone, step 1 (Phone to E.164): the region \"UK\" is not a country code; use the two-letter ISO 3166 code, e.g. GB or US."],
            Check([Text], phone, Transform.Of(TransformKind.PhoneE164, ("region", "UK"))));
        Assert.Empty(Check([Text], phone, Transform.Of(TransformKind.PhoneE164, ("region", "GB"))));
        Assert.Empty(Check([Text], phone, Transform.Of(TransformKind.PhoneE164)));
    }

    [Fact]
    public void Text_into_a_date_without_parse_date_is_refused() =>
        Assert.Equal(["signup_date is a date, but the mapping gives text: add a Parse date step."], Check([Text], Date));

    [Fact]
    public void Format_date_needs_a_date_before_it() =>
        Assert.Equal(["signup, step 1 (Format date): needs a date, but the value is text: add a Parse date step before it."],
            Check([Text], Field("signup", FieldType.Text), Transform.Of(TransformKind.FormatDate, ("format", "dd/MM/yyyy"))));

    [Fact]
    public void Format_date_needs_a_format() =>
        Assert.Equal(["signup_text, step 1 (Format date): give the date format to write."],
            Check([Date], Field("signup_text", FieldType.Text), Transform.Of(TransformKind.FormatDate)));

    [Fact]
    public void Parse_date_needs_a_format_and_text_to_read()
    {
        Assert.Equal(["signup_date, step 1 (Parse date): give at least one date format."],
            Check([Text], Date, Transform.Of(TransformKind.ParseDate, ("formats", " | "))));
        Assert.Equal(["signup_date, step 1 (Parse date): reads text, but the value is already a date."],
            Check([Date], Date, Transform.Of(TransformKind.ParseDate)));
    }

    [Fact]
    public void A_value_map_needs_a_default() =>
        Assert.Equal(["lifecycle, step 1 (Value map): give a default for values the table does not list."],
            Check([Text], Stage, Stages(null, ("Lead", "lead"))));

    [Fact]
    public void A_value_map_into_a_picklist_may_only_give_allowed_values_including_its_default() =>
        Assert.Equal(["lifecycle: 'Client' is not a valid value of the picklist lifecycle (lead, customer).",
                      "lifecycle: 'unknown' is not a valid value of the picklist lifecycle (lead, customer)."],
            Check([Text], Stage, Stages("unknown", ("Lead", "lead"), ("Customer", "Client"))));

    [Fact]
    public void A_constant_into_a_boolean_must_read_as_true_or_false() =>
        Assert.Equal(["opted_in: 'yes' is not a valid boolean."],
            Check([], Field("opted_in", FieldType.Boolean), Transform.Of(TransformKind.Constant, ("value", "yes"))));

    [Fact]
    public void Concatenate_must_be_the_first_step() =>
        Assert.Contains("name, step 2 (Concatenate): must be the first step.",
            Check([Text, Text], Field("name", FieldType.Text), Transform.Of(TransformKind.Trim), Transform.Of(TransformKind.Concatenate)));

    [Fact]
    public void Several_sources_need_concatenate() =>
        Assert.Equal(["name: several source fields need a Concatenate step first."], Check([Text, Text], Field("name", FieldType.Text)));

    [Fact]
    public void No_source_needs_a_constant_first() =>
        Assert.Equal(["name: choose a source field, or start with a Constant step."], Check([], Field("name", FieldType.Text)));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("")]
    public void Truncate_needs_a_positive_whole_length(string length) =>
        Assert.Equal(["name, step 1 (Truncate): give the maximum length as a whole number above zero."],
            Check([Text], Field("name", FieldType.Text), Transform.Of(TransformKind.Truncate, ("length", length))));

    [Fact]
    public void Text_steps_refuse_numbers_and_numbers_refuse_text()
    {
        var amount = Field("amount", FieldType.Number);
        Assert.Equal(["amount, step 1 (Upper case): works on text, but the value is a number."], Check([amount], amount, Transform.Of(TransformKind.UpperCase)));
        Assert.Equal(["amount is a number, but the mapping gives text."], Check([Text], amount));
    }

    [Fact]
    public void Constant_and_default_if_empty_need_their_value() =>
        Assert.Equal(["name, step 1 (Default if empty): give the default value.", "name, step 2 (Constant): give the constant value."],
            Check([Text], Field("name", FieldType.Text), Transform.Of(TransformKind.DefaultIfEmpty), Transform.Of(TransformKind.Constant)));

    [Fact]
    public void Text_parsed_as_a_date_into_a_date_field_is_valid()
    {
        Assert.Empty(Check([Text], Date, Transform.Of(TransformKind.Trim), Transform.Of(TransformKind.ParseDate, ("formats", "dd/MM/yyyy|yyyy-MM-dd"))));
        Assert.Empty(Check([Text], Field("signed_at", FieldType.DateTime), Transform.Of(TransformKind.ParseDate, ("formats", "dd/MM/yyyy HH:mm"))));
    }

    [Fact]
    public void A_value_map_into_a_picklist_giving_allowed_values_is_valid() =>
        Assert.Empty(Check([Text], Stage, Stages("LEAD", ("Prospect", "lead"), ("Won", "customer"))));

    [Fact]
    public void Email_normalise_into_an_email_field_is_valid() =>
        Assert.Empty(Check([Text], Field("email", FieldType.Email), Transform.Of(TransformKind.Trim), Transform.Of(TransformKind.EmailNormalise)));

    [Fact]
    public void Several_sources_concatenated_then_truncated_are_valid() =>
        Assert.Empty(Check([Text, Text], Field("name", FieldType.Text), Transform.Of(TransformKind.Concatenate), Transform.Of(TransformKind.Truncate, ("length", "80"))));
}
