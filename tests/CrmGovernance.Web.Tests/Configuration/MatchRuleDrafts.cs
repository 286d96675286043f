using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Web.Features.Configuration;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Configuration;

/// <summary>
/// A business owner's object page rendered over the real portal, inside a fresh draft change request of their own
/// that already holds a known contact or company match rule, so tests do not depend on the default rules' numbers.
/// </summary>
internal sealed class MatchRuleDrafts : IAsyncDisposable
{
    private MatchRuleDrafts(OperationsPages pages, Guid changeRequest) => (Pages, ChangeRequest) = (pages, changeRequest);

    public OperationsPages Pages { get; }
    public Guid ChangeRequest { get; }
    public ChangeRequestService Requests => Pages.Context.Services.GetRequiredService<ChangeRequestService>();

    public static async Task<MatchRuleDrafts> StartAsync(StandardPortalFixture fixture, params MatchRule[] rules)
    {
        var pages = new OperationsPages(fixture.Host, Roles.BusinessOwner);
        var requests = pages.Context.Services.GetRequiredService<ChangeRequestService>();
        var id = await requests.CreateDraftAsync("Tune matching", "Test");
        foreach (var rule in rules)
        {
            var saved = await requests.SaveItemAsync(id, rule);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        }
        return new MatchRuleDrafts(pages, id);
    }

    public IRenderedComponent<ObjectPage> Render(Guid objectId, bool inDraft = true)
    {
        Pages.Navigation.NavigateTo(inDraft ? $"objects/{objectId}?cr={ChangeRequest}" : $"objects/{objectId}");
        var page = Pages.Context.Render<ObjectPage>(p => p.Add(x => x.Id, objectId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#match-rule")));
        return page;
    }

    public async Task<MatchRule?> DraftRuleAsync(Guid objectId) => (await Requests.DraftConfigurationAsync(ChangeRequest)).MatchRuleOf(objectId);

    public static MatchRule Contact() => new()
    {
        Id = StandardMatchRules.Contact, ObjectId = StandardObjects.Contact, Name = "Contact", AutoMatchThreshold = 0.97, ReviewThreshold = 0.6, PriorWeight = -8,
        Comparisons =
        [
            new() { Attribute = "email", Comparator = ComparatorKind.Email, Levels = [new(1, 9.5), new(0.9, 5)], MismatchWeight = -4 },
            new() { Attribute = "last_name", Comparator = ComparatorKind.JaroWinkler, Levels = [new(0.92, 4.25)], MismatchWeight = -3 },
        ],
        BlockingKeys = ["email", "last_name+dob"],
    };

    public static MatchRule Company() => new()
    {
        Id = StandardMatchRules.Company, ObjectId = StandardObjects.Company, Name = "Company", AutoMatchThreshold = 0.975, ReviewThreshold = 0.55,
        Comparisons = [new() { Attribute = "company", Comparator = ComparatorKind.JaroWinkler, Levels = [new(0.95, 7)], MismatchWeight = -5 }],
        BlockingKeys = ["website"],
        FieldNames = new(StringComparer.Ordinal) { ["company"] = "name", ["website"] = "domain" },
    };

    public ValueTask DisposeAsync() => Pages.DisposeAsync();
}
