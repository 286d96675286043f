using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Web.Features.Users;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Users;

/// <summary>The new-user form names its fields as labelled, and a user without a role is pointed out before and after.</summary>
public sealed class UserFormTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Creating_an_empty_user_names_the_fields_as_labelled_not_by_property()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin);
        var dialog = Open(pages);

        dialog.Find("#create-user-form").Submit();

        dialog.WaitForAssertion(() => Assert.Contains("Enter a display name: how the user appears in the portal and the audit log.", dialog.Markup, StringComparison.Ordinal));
        Assert.Contains("Enter the user's email address.", dialog.Markup, StringComparison.Ordinal);
        Assert.Contains("Enter an initial password.", dialog.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("DisplayName", dialog.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_that_is_not_an_address_is_flagged_when_it_changes()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin);
        var dialog = Open(pages);
        Assert.Empty(dialog.FindAll(".mud-input-error"));

        dialog.Find("#new-email").Change("kim@localhost");

        dialog.WaitForAssertion(() => Assert.Contains("Email: \"kim@localhost\" is not an email address; write it as name@example.com.",
            dialog.Find("#new-email").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_without_a_role_is_created_only_after_a_warning_and_is_marked_in_the_list()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin);
        var page = pages.Context.Render<UsersPage>();
        page.Find("#create-user").Click();
        var dialog = pages.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("#new-email")));
        Assert.Empty(dialog.FindAll("#no-role-warning"));
        dialog.Find("#new-email").Change("norole@example.com");
        dialog.Find("#new-name").Change("Nora Role");
        dialog.Find("#new-password").Change("a long enough phrase of words");

        dialog.Find("#create-user-form").Submit();

        dialog.WaitForAssertion(() => Assert.Equal(UserRoleWarning.Creating, dialog.Find("#no-role-warning").TextContent.Trim()));
        Assert.Equal("Create without a role", dialog.Find("#create-user-submit").TextContent.Trim());
        Assert.DoesNotContain((await ListAsync(pages)).Items, u => u.Email == "norole@example.com");

        dialog.Find("#create-user-form").Submit();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-no-role='norole@example.com']")), TimeSpan.FromSeconds(10));
        Assert.Empty(Assert.Single((await ListAsync(pages)).Items, u => u.Email == "norole@example.com").Roles);
        Assert.Empty(page.FindAll("[data-no-role='admin@demo.crmgovernance.local']"));
    }

    [Fact]
    public async Task Ticking_a_role_takes_the_warning_away_and_creates_at_once()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin);
        var dialog = Open(pages);
        dialog.Find("#new-email").Change("withrole@example.com");
        dialog.Find("#new-name").Change("Will Role");
        dialog.Find("#new-password").Change("a long enough phrase of words");
        dialog.Find("#create-user-form").Submit();
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("#no-role-warning")));

        var box = dialog.Find($"[data-new-role='{Roles.Steward}']");
        (box.TagName == "INPUT" ? box : box.QuerySelector("input")!).Change(true);
        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("#no-role-warning")));
        dialog.Find("#create-user-form").Submit();

        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("#create-user-form")), TimeSpan.FromSeconds(10));
        Assert.Equal([Roles.Steward], Assert.Single((await ListAsync(pages)).Items, u => u.Email == "withrole@example.com").Roles);
    }

    [Fact]
    public async Task Removing_a_users_last_role_warns_that_they_will_have_none_and_cancel_keeps_it()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin);
        var users = pages.Context.Services.GetRequiredService<UserAdminService>();
        var created = await users.CreateAsync(new NewUser { Email = "lastrole@example.com", DisplayName = "Last Role", Password = "a long enough phrase of words", Roles = [Roles.Auditor] });
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var page = pages.Context.Render<UsersPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-user='lastrole@example.com']")));

        page.Find("[data-user='lastrole@example.com']").Closest("tr")!.QuerySelector($"[data-role-chip='{Roles.Auditor}'] button")!.Click();

        pages.Dialogs.WaitForAssertion(() => Assert.Contains(UserRoleWarning.RemovingLast("lastrole@example.com"), pages.Dialogs.Markup, StringComparison.Ordinal));
        pages.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.DoesNotContain("then has no role", pages.Dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal([Roles.Auditor], Assert.Single((await ListAsync(pages)).Items, u => u.Email == "lastrole@example.com").Roles);
    }

    private static IRenderedComponent<MudBlazor.MudDialogProvider> Open(OperationsPages pages)
    {
        var page = pages.Context.Render<UsersPage>();
        page.Find("#create-user").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.NotNull(pages.Dialogs.Find("#new-email")));
        return pages.Dialogs;
    }

    private static Task<CrmGovernance.Core.Data.PagedResult<UserRow>> ListAsync(OperationsPages pages) =>
        pages.Context.Services.GetRequiredService<UserAdminService>().ListAsync(null, 0, 200);
}
