using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Web.Features.Insights;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Insights;

/// <summary>A business owner sees the insights of the objects they own: here the orders get an owner of their own.</summary>
public sealed class InsightsOwnerScopeTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    /// <summary>Pages load through the real services on a shared, busy machine: give them time.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private const string OrdersOwner = "orders.owner@example.com";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    [Fact]
    public async Task A_business_owner_chooses_among_their_own_objects_and_a_link_to_another_object_shows_the_refusal()
    {
        await GiveTheOrdersTheirOwnOwnerAsync();
        await using var pages = new OperationsPages(fixture.Host, Roles.BusinessOwner, OrdersOwner);
        pages.Navigation.NavigateTo("insights");

        var page = pages.Context.Render<InsightsDashboardPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#insights-period")), Wait);
        var choices = page.FindComponent<InsightsFilterBar>().Instance.Choices;
        Assert.Equal(["Order"], choices.Objects.Select(o => o.Name));
        Assert.Equal(["Shop orders to CRM"], choices.Flows.Select(f => f.Name));
        Assert.Empty(page.FindAll("#insights-refused"));

        pages.Navigation.NavigateTo($"insights?object={StandardObjects.Contact}");
        var other = pages.Context.Render<InsightsDashboardPage>();

        other.WaitForAssertion(() => Assert.Contains("You can see the insights of the objects you own only", other.Find("#insights-refused").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(other.FindAll("#insights-period"));
        // The refused object still reads by its name in the filter, so the user sees what the link asked for.
        Assert.Equal(StandardObjects.Contact, InsightsDashboardPageTests.Filters(other).ObjectId);
    }

    [Fact]
    public async Task A_version_that_changed_no_flow_of_the_owner_says_there_is_nothing_to_compare()
    {
        var version = await GiveTheOrdersTheirOwnOwnerAsync();
        await using var pages = new OperationsPages(fixture.Host, Roles.BusinessOwner, OrdersOwner);

        var page = pages.Context.Render<VersionComparisonPage>(p => p.Add(x => x.Number, version));

        page.WaitForAssertion(() => Assert.Contains("changed no flow you can see", page.Find("#comparison-nothing-changed").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("Shop orders to CRM", page.Find("#comparison-control").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Web form", page.Find("#comparison-control").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#comparison-table"));
    }

    /// <summary>Publishes (once per portal) a version in which the orders have an owner of their own; answers that version.</summary>
    private async Task<int> GiveTheOrdersTheirOwnOwnerAsync()
    {
        var published = fixture.Host.Services.GetRequiredService<PublishedConfiguration>();
        await Gate.WaitAsync();
        try
        {
            var current = await published.CurrentAsync();
            return current.Configuration.FindObject(StandardObjects.Order)!.Owner == OrdersOwner ? current.Version : await PublishAsync(published);
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<int> PublishAsync(PublishedConfiguration published)
    {
        Guid id;
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("id-owner", "owner@example.com", [Roles.BusinessOwner], AuditSources.Ui);
            var requests = scope.ServiceProvider.GetRequiredService<ChangeRequestService>();
            id = await requests.CreateDraftAsync("Orders get their own owner", "Insights scope test");
            var order = (await requests.DraftConfigurationAsync(id)).FindObject(StandardObjects.Order)!;
            var saved = await requests.SaveEditAsync(id, order, order with { Owner = OrdersOwner });
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
            var submitted = await requests.SubmitAsync(id);
            Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors));
        }
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("id-admin", "admin@example.com", [Roles.Admin], AuditSources.Ui);
            var approved = await scope.ServiceProvider.GetRequiredService<ChangeRequestReview>().ApproveAsync(id, null);
            Assert.True(approved.Succeeded, string.Join(" ", approved.Errors));
        }
        var now = await published.CurrentAsync();
        Assert.Equal(OrdersOwner, now.Configuration.FindObject(StandardObjects.Order)!.Owner);
        return now.Version;
    }
}
