using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Stewardship.Review;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Review;

public sealed class MergeDefaultsTests
{
    private static readonly Guid Crm = Guid.NewGuid();
    private static readonly Guid Website = Guid.NewGuid();

    private static ReviewComparison Comparison(DateTime? leftCreated, DateTime? rightCreated, params ComparisonField[] fields) => new()
    {
        Item = new ReviewItem { Id = 1, LeftRecordId = "new", RightRecordId = "old", SystemId = Crm },
        SystemName = "CRM",
        ObjectName = "Contact",
        TargetSystemId = Crm,
        Left = new ConnectorRecord("new", fields.ToDictionary(f => f.Name, f => f.Left), leftCreated),
        Right = new ConnectorRecord("old", fields.ToDictionary(f => f.Name, f => f.Right), rightCreated),
        Fields = fields,
        Links = [new LinkedSource("new", Website, "Website", 2)],
        SourceOfTruth = new SourceOfTruth
        {
            Id = Guid.NewGuid(), ObjectId = Guid.NewGuid(), SystemOfRecordId = Crm,
            Fields =
            [
                new() { Field = "email", OwnerSystemId = Website },
                new() { Field = "stage", Strategy = SurvivorshipStrategy.MostRecent },
                new() { Field = "notes", Strategy = SurvivorshipStrategy.MostComplete },
            ],
        },
    };

    [Fact]
    public void The_older_record_survives_and_each_field_follows_the_source_of_truth_and_survivorship()
    {
        var comparison = Comparison(new DateTime(2026, 3, 1), new DateTime(2025, 1, 1),
            new("first_name", "First name", "Anne", ""),
            new("last_name", "Last name", "Lee-Smith", "Lee"),
            new("email", "Email", "ann@new.test", "ann@old.test"),
            new("stage", "Stage", "customer", "lead"),
            new("notes", "Notes", "short", "a longer note"),
            new("phone", "Phone", null, "+44 20"));

        var survivor = MergeDefaults.Survivor(comparison);
        var choices = MergeDefaults.Choices(comparison, survivor);

        Assert.Equal("old", survivor);
        Assert.Equal("new", choices["first_name"]);   // a value over an empty one
        Assert.Equal("old", choices["last_name"]);    // no rule: the survivor keeps its own
        Assert.Equal("new", choices["email"]);        // owned by the website, and only "new" is linked from it
        Assert.Equal("new", choices["stage"]);        // most recent: the newer record
        Assert.Equal("old", choices["notes"]);        // most complete: the longer value
        Assert.Equal("old", choices["phone"]);
    }

    [Fact]
    public void Without_creation_times_the_existing_record_survives_and_the_incoming_one_counts_as_newer()
    {
        var comparison = Comparison(null, null, new("stage", "Stage", "customer", "lead"), new("last_name", "Last name", "Lee", "Leigh"));

        var choices = MergeDefaults.Choices(comparison, "new");

        Assert.Equal("old", MergeDefaults.Survivor(comparison));
        Assert.Equal(("new", "new"), (choices["stage"], choices["last_name"]));
    }
    [Fact]
    public void An_identity_field_keeps_the_established_email_over_the_incoming_one_even_where_its_owner_is_linked_to_the_incoming_record()
    {
        var comparison = Comparison(new DateTime(2026, 3, 1), new DateTime(2025, 1, 1),
            new ComparisonField("email", "Email", "thomas.stevnes@hotmial.co.uk", "thomas.stevens@hotmail.co.uk") { Kind = MergeFieldKind.Identity });

        Assert.Equal("old", MergeDefaults.Choices(comparison, "old")["email"]);
        // Keeping the incoming record does not bring its typo along.
        Assert.Equal("old", MergeDefaults.Choices(comparison, "new")["email"]);
    }

    [Theory]
    [InlineData("2026-03-02T08:00:00Z", "2026-01-15T12:00:00Z", "new")]
    [InlineData("2025-12-31T23:00:00Z", "2026-01-15T12:00:00Z", "old")]
    [InlineData("2026-01-15T14:00:00+01:00", "2026-01-15T12:30:00Z", "new")]
    public void The_latest_last_activity_at_wins_whichever_record_survives(string incoming, string existing, string expected)
    {
        var comparison = Comparison(new DateTime(2026, 3, 1), new DateTime(2025, 1, 1),
            new ComparisonField("last_activity_at", "Last activity at", incoming, existing) { Kind = MergeFieldKind.LatestTime });

        Assert.Equal(expected, MergeDefaults.Choices(comparison, "old")["last_activity_at"]);
        Assert.Equal(expected, MergeDefaults.Choices(comparison, "new")["last_activity_at"]);
    }

    [Theory]
    [InlineData("last_activity_at", true)]
    [InlineData("lastSeenAt", true)]
    [InlineData("Last order at", true)]
    [InlineData("LAST_ORDER_AT", true)]
    [InlineData("last_at", false)]
    [InlineData("created_at", false)]
    [InlineData("last_name", false)]
    [InlineData("lastname_at_work", false)]
    public void Last_at_fields_are_told_by_their_name(string name, bool expected) =>
        Assert.Equal(expected, MergeFieldKinds.IsLastAt(name));
}
