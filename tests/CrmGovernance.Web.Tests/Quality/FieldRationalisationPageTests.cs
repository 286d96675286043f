using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Web.Features.Quality;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Tests.Quality;

/// <summary>The Field rationalisation page on the demo configuration: uses and flags per field, filters, and proposing a retirement.</summary>
public sealed class FieldRationalisationPageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task An_owner_opens_a_fields_uses_filters_to_flagged_fields_and_proposes_retiring_one_which_opens_its_first_change_request()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.BusinessOwner, "owner@demo.crmgovernance.local");

        var page = pages.Context.Render<FieldRationalisationPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-propose]")));
        var email = page.FindAll("[data-uses]").First(e => e.GetAttribute("data-uses") == "email");
        Assert.EndsWith("places", email.TextContent.Trim(), StringComparison.Ordinal);
        await page.InvokeAsync(() => page.FindAll(".mud-table-row button")[0].Click());
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-field-detail] li[data-use], [data-field-detail] p")));

        await page.InvokeAsync(() => page.FindAll("#fields-flagged input, input#fields-flagged")[0].Change(true));
        page.WaitForAssertion(() => Assert.EndsWith("flagged=true", pages.Navigation.Uri, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.All(page.FindAll("[data-flags]"), f => Assert.NotEmpty(f.Children)));

        var field = page.FindAll("[data-propose]")[0].GetAttribute("data-propose")!;
        await page.InvokeAsync(() => page.FindAll("[data-propose]")[0].Click());
        pages.Dialogs.WaitForAssertion(() => Assert.NotNull(pages.Dialogs.Find("#retire-confirm")));
        await pages.Dialogs.InvokeAsync(() => pages.Dialogs.Find("#retire-confirm").Click());
        pages.Dialogs.WaitForAssertion(() => Assert.Contains("Reason: say why", pages.Dialogs.Markup, StringComparison.Ordinal));
        pages.Dialogs.Find("#retire-reason").Change("Nothing reads it since the old portal went.");
        await pages.Dialogs.InvokeAsync(() => pages.Dialogs.Find("#retire-confirm").Click());

        page.WaitForAssertion(() => Assert.Contains("/change-requests/", pages.Navigation.Uri, StringComparison.Ordinal));
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var retirement = await db.FieldRetirements.AsNoTracking().SingleAsync(r => r.Field == field);
        var request = await db.ChangeRequests.AsNoTracking()
            .SingleAsync(r => r.Id == (retirement.StopWritingRequestId ?? retirement.DeprecateRequestId));
        Assert.Equal(("owner@demo.crmgovernance.local", ChangeRequestStatus.Draft), (retirement.ProposedBy, request.Status));
        Assert.Contains($"{field} in", request.Title, StringComparison.Ordinal);
        Assert.EndsWith(request.Id.ToString(), pages.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_reads_the_fields_and_their_flags_but_is_offered_no_retirement()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager, "manager@example.com");

        var page = pages.Context.Render<FieldRationalisationPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-field-row]")));
        Assert.Empty(page.FindAll("[data-propose], [data-start-step]"));
        Assert.Contains("field-rationalisation/export.xlsx", page.Find("#fields-export").GetAttribute("href"), StringComparison.Ordinal);
    }
}
