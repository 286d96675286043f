using CrmGovernance.Core.Features.Configuration.Handbook;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Core.Tests.Features.Configuration.Handbook;

public sealed class FlowHandbookBuilderTests
{
    private readonly FlowHandbook _handbook = FlowHandbookBuilder.Build(
        7, DemoConfiguration.Build("owner@example.com", "steward@example.com"), DemoConfiguration.WebFormFlow)!;

    [Fact]
    public void The_handbook_says_what_moves_when_and_why()
    {
        Assert.Equal((7, "Contact", "Website", "CRM"), (_handbook.Version, _handbook.ObjectName, _handbook.SourceName, _handbook.TargetName));
        Assert.Equal("as records arrive (within seconds)", _handbook.When);
        Assert.Equal("Lead capture → Web enquiry", _handbook.JourneyStep);
    }

    [Fact]
    public void Each_target_field_names_its_source_its_transforms_and_its_source_of_truth()
    {
        var email = _handbook.Fields.Single(f => f.Target == "email");
        Assert.Equal(("email", "Email normalise"), (email.Source, email.Transforms));
        Assert.Equal("Website; when several supply it: MostRecent", email.SourceOfTruth);
        var lastForm = _handbook.Fields.Single(f => f.Target == "last_form_at");
        Assert.Contains("Parse date (formats dd/MM/yyyy HH:mm|yyyy-MM-ddTHH:mm:ssZ)", lastForm.Transforms, StringComparison.Ordinal);
        Assert.Equal("CRM (system of record)", _handbook.Fields.Single(f => f.Target == "first_name").SourceOfTruth);
    }

    [Fact]
    public void Rules_read_as_words()
    {
        Assert.Contains(_handbook.Rules, r => r.Contains(
            "When the record matches an existing one in the target: update only the fields this source owns; append the submission as an activity.",
            StringComparison.Ordinal));
    }

    [Fact]
    public void A_flow_that_is_not_published_has_no_handbook() =>
        Assert.Null(FlowHandbookBuilder.Build(1, DemoConfiguration.Build("o@x.com", "s@x.com"), Guid.NewGuid()));
}
