using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Tests.Features.Quality.Assessments;

/// <summary>Each figure of an assessment against 200 contacts with known defects: exact counts, never estimates.</summary>
public sealed class AssessmentProfilerTests
{
    private static readonly Guid System = Guid.NewGuid();
    private static readonly Guid Object = Guid.NewGuid();
    private static readonly DateTime StaleBefore = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static FieldDefinition Field(string name, FieldType type, bool required = false, params string[] allowed) =>
        new() { Id = Guid.NewGuid(), SystemId = System, ObjectId = Object, Name = name, Type = type, Required = required, AllowedValues = [.. allowed] };

    private static readonly FieldDefinition[] Catalog =
    [
        Field("email", FieldType.Email, required: true),
        Field("phone", FieldType.Phone),
        Field("country", FieldType.Picklist, false, "GB", "DE", "FR"),
        Field("lifecycle", FieldType.Text),
        Field("notes", FieldType.Text),
        Field("birth_date", FieldType.Date),
        Field("postcode", FieldType.Text),
        Field("website", FieldType.Text),
        Field("fax", FieldType.Text),
    ];

    /// <summary>
    /// 200 records: email missing on every 10th (20) and not an address on every 25th of the rest (8); phones in E.164
    /// but 4 not a phone (every 50th) and 48 spelt nationally (every 4th, less the two of those 4 among them); countries drifted
    /// ("uk" on every 20th: 10, "Germany" on every 40th: 5); lifecycle from three values; notes free; dates ISO but every
    /// 8th in d/m/y (25); postcodes GB with every 5th without its space (40); every 10th website without a scheme (20);
    /// fax never filled; every 4th record last updated before the stale date (50).
    /// </summary>
    private static IEnumerable<ConnectorRecord> Records()
    {
        for (var i = 0; i < 200; i++)
        {
            var fields = new Dictionary<string, string?>
            {
                ["email"] = i % 10 == 0 ? "" : i % 25 == 1 ? $"person{i}.example.com" : $"person{i}@example.com",
                ["phone"] = i % 50 == 2 ? "call me" : i % 4 == 2 ? $"020 7946 {i:D4}" : $"+44207946{i:D4}",
                ["country"] = i % 20 == 3 ? "uk" : i % 40 == 4 ? "Germany" : "GB",
                ["lifecycle"] = (i % 3) switch { 0 => "lead", 1 => "customer", _ => "churned" },
                ["notes"] = $"Called on day {i}",
                ["birth_date"] = i % 8 == 5 ? $"{1 + (i % 28)}/03/1980" : $"1980-03-{1 + (i % 28):D2}",
                ["postcode"] = i % 5 == 0 ? "SW1A1AA" : "SW1A 1AA",
                ["website"] = i % 10 == 7 ? "www.example.com" : "https://www.example.com",
                ["fax"] = null,
            };
            var updated = i % 4 == 0 ? new DateTime(2023, 6, 1, 0, 0, 0, DateTimeKind.Utc) : new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);
            yield return new ConnectorRecord($"c-{i:D3}", fields, UpdatedUtc: updated);
        }
    }

    private static (AssessmentProfiler Profiler, Dictionary<string, FieldFindings> Fields) Profile(IEnumerable<ConnectorRecord> records)
    {
        var profiler = new AssessmentProfiler(Catalog, "GB", StaleBefore);
        foreach (var record in records)
        {
            profiler.Add(record);
        }
        return (profiler, profiler.Findings().ToDictionary(f => f.Field));
    }

    [Fact]
    public void Records_fill_rates_and_missing_mandatory_values_are_counted_exactly()
    {
        var (profiler, fields) = Profile(Records());

        Assert.Equal(200, profiler.Records);
        Assert.Equal((180L, 20L, true), (fields["email"].Filled, fields["email"].Missing, fields["email"].Required));
        Assert.Equal(0.9, fields["email"].FillRate(profiler.Records), 10);
        Assert.Equal((0L, 200L), (fields["fax"].Filled, fields["fax"].Missing));
        Assert.Contains(fields["email"].Examples, e => e is { RecordId: "c-000", Problem: "required, empty" });
    }

    [Fact]
    public void Formats_are_checked_per_kind_with_examples_of_each_failure()
    {
        var (_, fields) = Profile(Records());

        Assert.Equal((FormatCheck.Email, 180L, 8L), (fields["email"].Format, fields["email"].Checked, fields["email"].Invalid));
        Assert.Contains(fields["email"].Examples, e => e is { RecordId: "c-001", Value: "person1.example.com", Problem: "not an email address" });
        var phone = fields["phone"];
        Assert.Equal((FormatCheck.Phone, 200L, 52L, 48L), (phone.Format, phone.Checked, phone.Invalid, phone.Reformattable));
        Assert.Contains(phone.Examples, e => e is { Value: "call me", Problem: "not a phone number" });
        Assert.Equal((FormatCheck.Date, 25L), (fields["birth_date"].Format, fields["birth_date"].Invalid));
        Assert.All(fields["birth_date"].Examples, e => Assert.Equal("a date, not in ISO 8601 (yyyy-mm-dd)", e.Problem));
        Assert.Equal((FormatCheck.Postcode, 40L), (fields["postcode"].Format, fields["postcode"].Invalid));
        Assert.Equal((FormatCheck.Url, 20L), (fields["website"].Format, fields["website"].Invalid));
        Assert.Equal(FieldProfile.ExampleCap, fields["website"].Examples.Count);
    }

    [Fact]
    public void Picklist_values_outside_the_allowed_ones_are_listed_with_their_counts()
    {
        var (_, fields) = Profile(Records());

        var country = fields["country"];
        Assert.Equal((200L, 15L), (country.Checked, country.Invalid));
        Assert.Equal([new ValueCount("uk", 10), new ValueCount("Germany", 5)], country.UnknownValues);
        Assert.Equal(0, country.OtherUnknownValues);
    }

    [Fact]
    public void Free_text_with_a_handful_of_values_behaves_like_a_picklist_and_a_picklist_with_many_like_free_text()
    {
        var (_, fields) = Profile(Records());
        Assert.Equal((FieldBehaviour.TextLikePicklist, 3), (fields["lifecycle"].Behaviour, fields["lifecycle"].Distinct));
        Assert.Equal(FieldBehaviour.AsDeclared, fields["notes"].Behaviour);
        Assert.True(fields["notes"].Distinct > FieldProfile.PicklistLikeMaxValues);

        var free = Profile(Records().Select(r => r with { Fields = new Dictionary<string, string?>(r.Fields) { ["country"] = $"Country {r.Id}" } })).Fields["country"];
        Assert.Equal((FieldBehaviour.PicklistLikeText, 200, false), (free.Behaviour, free.Distinct, free.DistinctCapped));
        Assert.Equal(FieldProfile.UnknownCap, free.UnknownValues.Count);
        Assert.Equal(200 - FieldProfile.UnknownCap, free.OtherUnknownValues);
    }

    [Fact]
    public void Stale_records_are_those_whose_system_says_they_were_not_updated_since_the_date_and_a_record_read_twice_counts_once()
    {
        var (profiler, _) = Profile(Records().Concat(Records().Take(3)));

        Assert.Equal((200L, 200L, 50L), (profiler.Records, profiler.WithUpdateTime, profiler.Stale));
        Assert.Equal(AssessmentProfiler.StaleExampleCap, profiler.StaleExamples.Count);
    }

    [Fact]
    public void Scores_count_only_the_dimensions_measured_and_one_not_measured_is_never_full_marks()
    {
        var (profiler, _) = Profile(Records());
        var findings = profiler.Findings();

        var scores = QualityScores.From(profiler.Records, findings, duplicateRate: null, profiler.WithUpdateTime, profiler.Stale);

        Assert.Equal(0.9, scores.Completeness!.Value, 10);
        var checkedValues = findings.Sum(f => f.Checked);
        Assert.Equal(1 - (8.0 + 52 + 15 + 25 + 40 + 20) / checkedValues, scores.Validity!.Value, 10);
        Assert.Null(scores.Uniqueness);
        Assert.Equal(0.75, scores.Freshness!.Value, 10);
        Assert.Equal((scores.Completeness.Value + scores.Validity.Value + 0.75) / 3, scores.Overall!.Value, 10);

        var unmeasured = QualityScores.From(profiler.Records, findings, duplicateRate: null, withUpdateTime: null, stale: 0);
        Assert.Null(unmeasured.Freshness);
        Assert.Equal((0.9 + scores.Validity.Value) / 2, unmeasured.Overall!.Value, 10);
        Assert.Null(QualityScores.From(0, [], null, null, 0).Overall);
    }
}
