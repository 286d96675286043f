using CrmGovernance.Core.Features.Scenarios;

namespace CrmGovernance.Core.Tests.Features.Scenarios;

public sealed class ScenarioRecordsTextTests
{
    [Fact]
    public void Json_and_csv_read_to_the_same_records_with_their_ids_and_other_objects()
    {
        var (json, jsonError) = ScenarioRecordsText.Parse("""[{"id": "w-1", "email": "ann@example.org", "age": 42}, {"_object": "contact", "email": "bo@example.org"}]""", "input");
        var (csv, csvError) = ScenarioRecordsText.Parse("id,email,age,_object\nw-1,ann@example.org,42,\n,bo@example.org,,contact\n", "input");
        Assert.Null(jsonError);
        Assert.Null(csvError);
        foreach (var records in new[] { json!, csv! })
        {
            Assert.Equal(["w-1", "input-2"], records.Select(r => r.Id));
            Assert.Equal("42", records[0].Fields["age"]);
            Assert.Null(records[0].ObjectKey);
            Assert.Equal("contact", records[1].ObjectKey);
            Assert.False(records[1].Fields.ContainsKey("_object"));
        }
        var (again, _) = ScenarioRecordsText.Parse(ScenarioRecordsText.Format(json!), "input");
        Assert.Equal(json!.Select(r => (r.Id, r.ObjectKey, string.Join(",", r.Fields))), again!.Select(r => (r.Id, r.ObjectKey, string.Join(",", r.Fields))));
    }

    [Theory]
    [InlineData("[[[[[[{\"a\": 1}]]]]]]", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("just words", "header row")]
    [InlineData("[{\"id\": \"a\"}, {\"id\": \"a\"}]", "Two records have the id \"a\"")]
    public void Text_that_is_not_records_is_refused_in_words(string text, string expected)
    {
        var (records, error) = ScenarioRecordsText.Parse(text, "input");
        Assert.Null(records);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pastes_beyond_the_bounds_are_refused_before_they_are_parsed()
    {
        Assert.Contains("longer than 256 KB", ScenarioRecordsText.Parse("[" + new string(' ', ScenarioRecordsText.MaxLength) + "]", "input").Error, StringComparison.Ordinal);
        var many = "[" + string.Join(",", Enumerable.Range(0, 101).Select(i => $"{{\"id\": \"r{i}\"}}")) + "]";
        Assert.Contains("at most 100", ScenarioRecordsText.Parse(many, "input").Error, StringComparison.Ordinal);
        var wide = "{" + string.Join(",", Enumerable.Range(0, 201).Select(i => $"\"f{i}\": \"v\"")) + "}";
        Assert.Contains("more than 200 fields", ScenarioRecordsText.Parse(wide, "input").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Expected_values_read_as_field_colon_value_lines()
    {
        var (values, error) = ScenarioRecordsText.ParseValues("email: ann@example.org\nphone:\n url: https://example.org/a:b ");
        Assert.Null(error);
        Assert.Equal("ann@example.org", values!["email"]);
        Assert.Null(values["phone"]);
        Assert.Equal("https://example.org/a:b", values["url"]);
        Assert.Contains("field: value", ScenarioRecordsText.ParseValues("no colon here").Error, StringComparison.Ordinal);
    }
}
