using CrmGovernance.Core.Features.FirstRun.Demo;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Web.Tests.FirstRun;

public sealed class DemoEnquiriesTests
{
    private static readonly DemoEnquiryKind[] Refused = [DemoEnquiryKind.MissingLastName, DemoEnquiryKind.InvalidEmail, DemoEnquiryKind.UnreadablePhone];
    private readonly FlowPlan _webForm = FlowPlan.For(DemoConfiguration.Build("owner@example.com", "steward@example.com"), DemoConfiguration.WebFormFlow).Plan!;

    [Fact]
    public void The_web_form_flow_refuses_exactly_the_enquiries_meant_to_be_refused_whatever_way_the_phone_was_typed()
    {
        var now = new DateTime(2026, 3, 2, 9, 15, 0, DateTimeKind.Utc);
        var wrong = new List<string>();
        for (var n = 0; n < 600; n++)
        {
            var kind = DemoEnquiries.KindOf(n);
            foreach (var post in DemoEnquiries.Posts(n, now))
            {
                var record = IncomingRecord.Map(_webForm, new ConnectorRecord(n.ToString(System.Globalization.CultureInfo.InvariantCulture), post.ToDictionary(f => f.Key, f => (string?)f.Value)));
                if ((record.Errors.Count > 0) != Refused.Contains(kind))
                {
                    wrong.Add($"{n} {kind}: {string.Join(", ", post.Select(f => $"{f.Key}={f.Value}"))} → {string.Join(" ", record.Errors)}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong.Take(20)));
    }

    [Fact]
    public void The_scripted_first_enquiries_cover_every_case_and_later_ones_stay_the_same_for_the_same_number()
    {
        var scripted = Enumerable.Range(0, DemoEnquiries.ScriptedCount).Select(DemoEnquiries.KindOf).ToHashSet();
        var now = DateTime.UtcNow;

        Assert.Equal(Enum.GetValues<DemoEnquiryKind>().Except([DemoEnquiryKind.ReturningVisitor]).Order(), scripted.Order());
        Assert.Equal(DemoEnquiries.Posts(1234, now)[0], DemoEnquiries.Posts(1234, now)[0]);
        Assert.Contains(Enumerable.Range(DemoEnquiries.ScriptedCount, 200), n => DemoEnquiries.KindOf(n) == DemoEnquiryKind.ReturningVisitor);
    }
}
