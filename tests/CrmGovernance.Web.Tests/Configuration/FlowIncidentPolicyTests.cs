using Bunit;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Web.Features.Configuration;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;
using static CrmGovernance.Web.Tests.Configuration.DialogForms;

namespace CrmGovernance.Web.Tests.Configuration;

/// <summary>A flow's incident policy section on the demo, inside an admin's draft: override, then remove the override.</summary>
public sealed class FlowIncidentPolicyTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Overriding_a_flows_policy_saves_it_in_the_change_request_and_removing_it_brings_back_the_default()
    {
        await using var forms = await StartAsync(fixture.Host);
        var flow = forms.Configuration.FindFlow(DemoConfiguration.WebFormFlow)!;
        var changes = 0;
        var section = forms.Pages.Context.Render<FlowIncidentPolicy>(p => p
            .Add(c => c.Configuration, forms.Configuration).Add(c => c.Flow, flow).Add(c => c.ChangeRequestId, forms.ChangeRequest)
            .Add(c => c.Changed, () => Interlocked.Increment(ref changes)));
        // The live demo publishes a default policy (minute-scale clocks); the flow has none of its own yet.
        Assert.StartsWith("The default policy applies", section.Find("#flow-policy-source").TextContent.Trim(), StringComparison.Ordinal);

        section.Find("#override-policy").Click();
        forms.Dialog.WaitForAssertion(() => Assert.NotNull(forms.Dialog.Find("#policy-error-queue")));
        forms.Dialog.Find("#policy-error-queue").Input("7");
        forms.Dialog.Find("#save-incident-policy").Click();
        forms.Dialog.WaitForAssertion(() => Assert.Empty(forms.Dialog.FindAll("#save-incident-policy")));

        section.WaitForAssertion(() => Assert.Equal(1, changes));
        var draft = await forms.DraftAsync();
        var own = Assert.Single(draft.IncidentPolicies, p => p.FlowId is not null);
        Assert.Equal((flow.Id, 7), (own.FlowId, own.ErrorQueueThreshold));
        section.Render(p => p.Add(c => c.Configuration, draft));
        section.WaitForAssertion(() => Assert.StartsWith("This flow has its own policy, replacing the default.", section.Find("#flow-policy-source").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Contains("7", section.Find("[data-policy-setting='error-queue']").TextContent, StringComparison.Ordinal);

        section.Find("#remove-policy").Click();
        forms.Dialog.WaitForAssertion(() => Assert.NotNull(forms.Dialog.FindAll("button").FirstOrDefault(b => b.TextContent.Trim() == "Remove")));
        forms.Dialog.FindAll("button").First(b => b.TextContent.Trim() == "Remove").Click();
        section.WaitForAssertion(() => Assert.Equal(2, changes));
        Assert.DoesNotContain((await forms.DraftAsync()).IncidentPolicies, p => p.FlowId is not null);
    }

    [Fact]
    public async Task The_flows_list_shows_a_failing_chip_for_a_flow_with_a_high_severity_incident_linking_to_its_incidents()
    {
        await fixture.Host.Services.GetRequiredService<IncidentRecorder>().RecordAsync(
            new IncidentSignal(IncidentCause.RunFailed, "Web form run failed", "The CRM refused the login.") { FlowId = DemoConfiguration.WebFormFlow });
        await using var pages = new OperationsPages(fixture.Host, Roles.Auditor);

        var page = pages.Context.Render<FlowsPage>();

        page.WaitForAssertion(() => Assert.Equal("Failing", page.Find("[data-flow='Web form to CRM contacts'] [data-health]").GetAttribute("data-health")));
        var chip = page.Find("[data-flow='Web form to CRM contacts'] [data-health]");
        Assert.Equal("failing", chip.TextContent.Trim());
        Assert.Contains($"incidents?flow={DemoConfiguration.WebFormFlow}", page.Find("[data-flow='Web form to CRM contacts']").InnerHtml, StringComparison.Ordinal);
    }
}
