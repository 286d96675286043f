using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Tests.Features.Sync.Runs;

public sealed class MonitoringDisplayTests
{
    [Fact]
    public void Before_and_after_values_line_up_by_field_and_mark_what_changed()
    {
        var fields = RecordValues.Compare("""{"email":"a@x.com","phone":"1","score":3}""", """{"email":"a@x.com","phone":"2","city":"Leeds","score":null}""");

        Assert.Equal(
            [new FieldValueChange("email", "a@x.com", "a@x.com"), new FieldValueChange("phone", "1", "2"),
             new FieldValueChange("city", null, "Leeds"), new FieldValueChange("score", "3", null)],
            fields);
        Assert.Equal(["phone", "city", "score"], fields.Where(f => f.Changed).Select(f => f.Field));
    }

    [Fact]
    public void A_created_record_has_only_after_values_and_unreadable_values_are_shown_as_they_are()
    {
        Assert.All(RecordValues.Compare(null, """{"email":"a@x.com"}"""), f => Assert.True(f.Changed));
        Assert.Equal([new FieldValueChange("(unreadable)", null, "{oops")], RecordValues.Compare(null, "{oops"));
    }

    [Fact]
    public void A_json_payload_is_indented_and_keeps_its_characters_readable()
    {
        var formatted = FormattedPayload.Of("""{"name":"Zoë","tags":["<b>"]}""");

        Assert.True(formatted.IsJson);
        Assert.Equal("{\n  \"name\": \"Zoë\",\n  \"tags\": [\n    \"<b>\"\n  ]\n}", formatted.Text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_payload_that_is_not_json_is_kept_as_received()
    {
        var formatted = FormattedPayload.Of("name=Zoë&<script>alert(1)</script>");

        Assert.False(formatted.IsJson);
        Assert.Equal("name=Zoë&<script>alert(1)</script>", formatted.Text);
    }

    [Fact]
    public void A_replay_selection_groups_open_items_by_flow_and_counts_what_cannot_be_replayed()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        ErrorQueueRow Row(long id, Guid? flow, ErrorStatus status = ErrorStatus.Open) =>
            new(id, flow is null ? ErrorKind.Inbound : ErrorKind.Rejected, status, flow, "website", "contact", null, null, "", 1, DateTime.UnixEpoch, null);

        var selection = ReplaySelection.Of([Row(3, a), Row(1, a), Row(2, b), Row(4, null), Row(5, a, ErrorStatus.Resolved)]);

        Assert.Equal([1L, 3], selection.ByFlow[a]);
        Assert.Equal([2L], selection.ByFlow[b]);
        Assert.Equal((1, 1), (selection.WithoutFlow, selection.NotOpen));
    }

    [Fact]
    public void Rejection_reasons_are_listed_most_frequent_first_up_to_the_limit()
    {
        var top = RejectionReasons.Top("""{"phone is invalid":2,"email is missing":7,"country is unknown":2,"name is empty":1}""", 3);

        Assert.Equal(["email is missing", "country is unknown", "phone is invalid"], top.Select(r => r.Key));
        Assert.Equal([7, 2, 2], top.Select(r => r.Value));
        Assert.Empty(RejectionReasons.Top("not json", 3));
    }
}
