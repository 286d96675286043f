using System.Text.RegularExpressions;
using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Quality.Fields;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed partial class DataQualityJourney(BrowserPortal portal)
{
    [Fact]
    public async Task An_owner_assesses_the_demo_crms_contacts_accepts_one_finding_and_proposes_retiring_the_field_nobody_fills()
    {
        var owner = DemoAccounts.All.Single(a => a.Role == Roles.BusinessOwner);
        var page = await portal.NewPageAsync();
        await new SignInPage(page).SignInAsync(owner.Email, owner.Password);

        // Offered from the Systems page; the CRM's contacts preselected by the address.
        await page.GotoAsync($"quality?system={DemoConfiguration.Crm}&object={StandardObjects.Contact}");
        await Interactive.ClickUntilAsync(page.Locator("#assess-start-button"), page.Locator("#assessment-heading"));
        await page.WaitForURLAsync(AssessmentPage());
        // The demo's defects are found: the drifted lifecycle stages, and the fax column nobody fills.
        var drifted = page.Locator("[data-finding='lifecycle_stage:NotConforming']");
        await drifted.WaitForAsync(new() { Timeout = 60_000 });
        await page.Locator("[data-finding='fax:NeverFilled']").WaitForAsync();

        await page.Locator("[data-accept='lifecycle_stage:NotConforming']").ClickAsync();
        await page.Locator("#accept-reason").FillAsync("Marketing still sends its old stage names; mapped in the next release.");
        await page.Locator("#accept-confirm").ClickAsync();
        await page.Locator("[data-finding='lifecycle_stage:NotConforming'][data-accepted='true']").WaitForAsync();

        // Field rationalisation: the fax field is flagged as used by nothing and never filled; retiring it opens a change request.
        await page.GotoAsync("field-rationalisation?q=fax&flagged=true");
        var propose = page.Locator("[data-propose='fax']");
        await Interactive.ClickUntilAsync(propose, page.Locator("#retire-reason"));
        await page.Locator("#retire-reason").FillAsync("Nobody has sent a fax to a customer in years.");
        await page.Locator("#retire-confirm").ClickAsync();
        await page.WaitForURLAsync(new Regex("/change-requests/[0-9a-f-]{36}$"));
        await page.GetByText("step 2 of 3, mark it deprecated").First.WaitForAsync();

        using var scope = portal.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var retirement = await db.FieldRetirements.AsNoTracking().SingleAsync(r => r.Field == "fax");
        Assert.Equal((owner.Email, (Guid?)null), (retirement.ProposedBy, retirement.StopWritingRequestId));
        Assert.NotNull(retirement.DeprecateRequestId);
        Assert.True(await db.KnownIssues.AnyAsync(k => k.Field == "lifecycle_stage" && k.AcceptedBy == owner.Email));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == FieldRetirementService.AuditEntityType && e.ActorName == owner.Email));
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/quality/assessments/\d+$")]
    private static partial Regex AssessmentPage();
}
