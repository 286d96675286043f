using System.Globalization;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;
using CsCheck;

namespace CrmGovernance.Core.Tests.Features.Configuration;

public sealed class TransformStepTests
{
    private static (string? Value, string? Error) Apply(TransformKind kind, string? value, params (string, string)[] args) =>
        TransformStep.Apply(Transform.Of(kind, args), value, "US");

    [Theory]
    [InlineData(TransformKind.Trim, "  Ada  ", "Ada")]
    [InlineData(TransformKind.CollapseWhitespace, " Ada \t  Lovelace\n", "Ada Lovelace")]
    [InlineData(TransformKind.UpperCase, "Ada Lovelace", "ADA LOVELACE")]
    [InlineData(TransformKind.LowerCase, "Ada LOVELACE", "ada lovelace")]
    [InlineData(TransformKind.TitleCase, "ada LOVELACE", "Ada Lovelace")]
    [InlineData(TransformKind.EmailNormalise, "  Ada@Example.COM ", "ada@example.com")]
    [InlineData(TransformKind.Concatenate, "left alone", "left alone")]
    public void Text_steps_give_the_expected_value_without_error(TransformKind kind, string input, string expected) =>
        Assert.Equal((expected, null), Apply(kind, input));

    [Theory]
    [InlineData(TransformKind.Trim)]
    [InlineData(TransformKind.CollapseWhitespace)]
    [InlineData(TransformKind.UpperCase)]
    [InlineData(TransformKind.LowerCase)]
    [InlineData(TransformKind.TitleCase)]
    [InlineData(TransformKind.EmailNormalise)]
    [InlineData(TransformKind.PhoneE164)]
    [InlineData(TransformKind.ParseDate)]
    [InlineData(TransformKind.FormatDate)]
    [InlineData(TransformKind.Concatenate)]
    [InlineData(TransformKind.Split)]
    [InlineData(TransformKind.Truncate)]
    public void Null_passes_through_without_error(TransformKind kind) =>
        Assert.Equal((null, null), Apply(kind, null));

    [Fact]
    public void Null_passes_through_a_value_map_as_the_class_contract_says()
    {
        var map = Transform.Of(TransformKind.ValueMap, ("default", "subscriber"));
        map.Map["Lead"] = "lead";

        Assert.Equal((null, null), TransformStep.Apply(map, null, "US"));
    }

    [Fact]
    public void A_blank_email_becomes_null_and_a_malformed_one_is_reported_with_what_was_entered()
    {
        Assert.Equal((null, null), Apply(TransformKind.EmailNormalise, "   "));
        Assert.Equal(("ada at example.com", "'Ada at Example.com' is not an email address."),
            Apply(TransformKind.EmailNormalise, "Ada at Example.com"));
    }

    [Theory]
    [InlineData("020 7946 0018", "GB", "+442079460018")]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("+44 20 7946 0018", "US", "+442079460018")]
    public void Phone_numbers_are_written_in_E164(string input, string region, string expected) =>
        Assert.Equal((expected, null), TransformStep.Apply(Transform.Of(TransformKind.PhoneE164), input, region));

    [Fact]
    public void The_region_argument_overrides_the_flows_default_region() =>
        Assert.Equal(("+442079460018", null), Apply(TransformKind.PhoneE164, "020 7946 0018", ("region", "GB")));

    [Fact]
    public void A_bad_phone_number_keeps_its_value_and_says_why()
    {
        Assert.Equal(("12345", "'12345' is not a valid phone number for region US."), Apply(TransformKind.PhoneE164, "12345"));
        Assert.Equal(("call me", "'call me' is not a phone number."), Apply(TransformKind.PhoneE164, "call me"));
    }

    [Theory]
    [InlineData("05/03/2024", "dd/MM/yyyy|yyyy-MM-dd", "2024-03-05")]
    [InlineData(" 2024-03-05 ", "dd/MM/yyyy|yyyy-MM-dd", "2024-03-05")]
    [InlineData("05/03/2024 14:30", "dd/MM/yyyy HH:mm", "2024-03-05T14:30:00Z")]
    [InlineData("2024-03-05T14:30:00+02:00", "yyyy-MM-ddTHH:mm:sszzz", "2024-03-05T12:30:00Z")]
    public void Dates_are_parsed_to_ISO(string input, string formats, string expected) =>
        Assert.Equal((expected, null), Apply(TransformKind.ParseDate, input, ("formats", formats)));

    [Fact]
    public void An_unparseable_date_keeps_its_value_and_names_the_formats() =>
        Assert.Equal(("next Tuesday", "'next Tuesday' is not a date in the format dd/MM/yyyy or yyyy-MM-dd."),
            Apply(TransformKind.ParseDate, "next Tuesday", ("formats", "dd/MM/yyyy | yyyy-MM-dd")));

    [Fact]
    public void Format_date_writes_a_parsed_date_in_the_given_format()
    {
        Assert.Equal(("05 Mar 2024", null), Apply(TransformKind.FormatDate, "2024-03-05", ("format", "dd MMM yyyy")));
        Assert.Equal(("14:30", null), Apply(TransformKind.FormatDate, "2024-03-05T14:30:00Z", ("format", "HH:mm")));
        Assert.Equal(("soon", "'soon' is not a date."), Apply(TransformKind.FormatDate, "soon", ("format", "dd/MM/yyyy")));
    }

    [Fact]
    public void Value_map_looks_up_case_insensitively_and_falls_back_to_its_default()
    {
        var map = Transform.Of(TransformKind.ValueMap, ("default", "subscriber"));
        map.Map["Customer"] = "customer";
        map.Map["Lead"] = "lead";

        Assert.Equal(("lead", null), TransformStep.Apply(map, " LEAD ", "US"));
        Assert.Equal(("subscriber", null), TransformStep.Apply(map, "Partner", "US"));
        map.Args.Remove("default");
        Assert.Equal(("Partner", "No mapping for 'Partner' and no default value."), TransformStep.Apply(map, "Partner", "US"));
    }

    [Theory]
    [InlineData("Ada King Lovelace", null, null, "Ada")]
    [InlineData("Ada King Lovelace", null, "1", "King")]
    [InlineData("a; b; c", ";", "-1", "c")]
    [InlineData("a;b;c", ";", "-3", "a")]
    [InlineData("a;b;c", ";", "3", null)]
    [InlineData("a;b;c", ";", "-4", null)]
    public void Split_picks_a_part_counting_from_the_end_when_negative(string input, string? separator, string? index, string? expected)
    {
        var split = Transform.Of(TransformKind.Split);
        if (separator is not null) { split.Args["separator"] = separator; }
        if (index is not null) { split.Args["index"] = index; }

        Assert.Equal((expected, null), TransformStep.Apply(split, input, "US"));
    }

    [Theory]
    [InlineData(null, "web")]
    [InlineData("", "web")]
    [InlineData("  ", "web")]
    [InlineData("crm", "crm")]
    public void Default_if_empty_fills_only_blank_values(string? input, string expected) =>
        Assert.Equal((expected, null), Apply(TransformKind.DefaultIfEmpty, input, ("value", "web")));

    [Fact]
    public void Constant_ignores_the_input() =>
        Assert.Equal(("web", null), Apply(TransformKind.Constant, "anything", ("value", "web")));

    [Theory]
    [InlineData("Lovelace", "4", "Love")]
    [InlineData("Ada", "4", "Ada")]
    [InlineData("Ada", "not a number", "Ada")]
    public void Truncate_cuts_to_the_given_length(string input, string length, string expected) =>
        Assert.Equal((expected, null), Apply(TransformKind.Truncate, input, ("length", length)));

    [Theory]
    [InlineData(TransformKind.Trim)]
    [InlineData(TransformKind.CollapseWhitespace)]
    [InlineData(TransformKind.UpperCase)]
    [InlineData(TransformKind.LowerCase)]
    [InlineData(TransformKind.TitleCase)]
    public void Applying_a_text_step_twice_equals_applying_it_once(TransformKind kind) =>
        Gen.String.Sample(s => Twice(Transform.Of(kind), s) == Apply(kind, s).Value);

    [Fact]
    public void Normalising_an_email_twice_equals_normalising_it_once()
    {
        var part = Gen.Char["abcXYZ019._-+"].Array[1, 12].Select(a => new string(a));
        var emails = Gen.Select(part, part, Gen.Char["comORGuk"].Array[2, 4], Gen.Char[" \t"].Array[0, 2],
            (local, domain, tld, pad) => $"{new string(pad)}{local}@{domain}.{new string(tld)}{new string(pad)}");

        emails.Sample(email =>
        {
            var (once, error) = Apply(TransformKind.EmailNormalise, email);
            Assert.Null(error);
            Assert.Equal(once, Twice(Transform.Of(TransformKind.EmailNormalise), email));
        });
    }

    [Fact]
    public void Truncating_twice_equals_truncating_once_and_never_exceeds_the_length() =>
        Gen.Select(Gen.String, Gen.Int[0, 30]).Sample((s, n) =>
        {
            var truncate = Transform.Of(TransformKind.Truncate, ("length", n.ToString(CultureInfo.InvariantCulture)));
            var once = TransformStep.Apply(truncate, s, "US").Value!;
            Assert.True(once.Length <= n);
            Assert.Equal(once, Twice(truncate, s));
        });

    [Fact]
    public void Truncate_never_splits_a_character_in_half()
    {
        Gen.Select(Gen.OneOf("😀", "a😀b", "😀😀", "ab😀😀"), Gen.Int[1, 6]).Sample((s, n) =>
        {
            var cut = Apply(TransformKind.Truncate, s, ("length", n.ToString(CultureInfo.InvariantCulture))).Value!;
            return cut.Length == 0 || !char.IsHighSurrogate(cut[^1]);
        });
    }

    [Fact]
    public void Default_if_empty_never_gives_an_empty_value_when_its_default_is_not_empty() =>
        Gen.Select(Gen.String, Gen.String[1, 10]).Sample((s, fallback) =>
            !string.IsNullOrEmpty(Apply(TransformKind.DefaultIfEmpty, s, ("value", fallback)).Value));

    [Theory]
    [InlineData("+44 20 7946 0018", "US")]
    [InlineData("(415) 555-2671", "US")]
    [InlineData("020 7946 0018", "GB")]
    public void Phone_E164_of_its_own_output_gives_the_same_number(string input, string region)
    {
        var phone = Transform.Of(TransformKind.PhoneE164);
        var (once, _) = TransformStep.Apply(phone, input, region);

        Assert.Equal((once, null), TransformStep.Apply(phone, once, region));
        Assert.Equal((once, null), TransformStep.Apply(phone, once, "FR"));
    }

    [Theory]
    [InlineData("dd/MM/yyyy")]
    [InlineData("dd/MM/yyyy HH:mm")]
    public void Parse_date_then_format_date_with_the_same_format_round_trips(string format)
    {
        var parse = Transform.Of(TransformKind.ParseDate, ("formats", format));
        var write = Transform.Of(TransformKind.FormatDate, ("format", format));

        Gen.DateTime[new DateTime(1900, 1, 1), new DateTime(2099, 12, 31)].Sample(d =>
        {
            var text = d.ToString(format, CultureInfo.InvariantCulture);
            var (iso, error) = TransformStep.Apply(parse, text, "US");
            Assert.Null(error);
            Assert.Equal((text, null), TransformStep.Apply(write, iso, "US"));
        });
    }

    private static string? Twice(Transform t, string? value) =>
        TransformStep.Apply(t, TransformStep.Apply(t, value, "US").Value, "US").Value;
}
