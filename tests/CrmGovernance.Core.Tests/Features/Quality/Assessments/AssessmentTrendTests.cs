using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Tests.Features.Sync.Engine;

namespace CrmGovernance.Core.Tests.Features.Quality.Assessments;

/// <summary>Assessments over time: scores and fields per run, the versions published in between, and the latest one per system object.</summary>
public sealed class AssessmentTrendTests
{
    private static Task<T> AsAsync<T>(SyncTestHost host, string name, string role, Func<AssessmentTrends, Task<T>> work) =>
        host.AsAsync(name, role, work);

    private static async Task<long> AssessAsync(SyncTestHost host) =>
        (await host.FinishedAsync(await host.AsOwnerAsync(s => s.RequestAsync(AssessmentScenario.Crm, AssessmentScenario.Contact)))).Id;

    [Fact]
    public async Task The_trend_marks_the_versions_published_between_two_assessments_and_follows_each_fields_fill_rate()
    {
        await using var host = await AssessmentScenario.StartAsync();
        await AssessmentScenario.AddContactsAsync(host);
        var first = await AssessAsync(host);
        await host.PublishAsync(AssessmentScenario.Build());
        await host.PublishAsync(AssessmentScenario.Build());
        await SqliteTables.ExecuteAsync(host.PathOf("crm.db"), "UPDATE contacts SET fax = '+442079460000' WHERE id IN ('c001', 'c002', 'c003');");
        var second = await AssessAsync(host);

        var trend = await AsAsync(host, AssessmentScenario.Owner, Roles.BusinessOwner, t => t.TrendAsync(AssessmentScenario.Crm, AssessmentScenario.Contact));

        Assert.Equal([first, second], trend.Points.Select(p => p.AssessmentId));
        Assert.Equal((1, 3), (trend.Points[0].ConfigurationVersion, trend.Points[1].ConfigurationVersion));
        Assert.Empty(trend.Points[0].PublishedSince);
        Assert.Equal([2, 3], trend.Points[1].PublishedSince.Select(v => v.Number));
        var fax = Assert.Single(trend.Fields, f => f.Field == "fax");
        Assert.Equal([0.0, 3.0 / 120], fax.FillRates);
        Assert.Equal(16.0 / 108, trend.Fields.Single(f => f.Field == "email").NonConforming[1]!.Value, 10);
        Assert.Equal(trend.Points[0].Scores.Validity, trend.Points[1].Scores.Validity);
    }

    [Fact]
    public async Task The_latest_assessment_of_a_system_object_is_shown_to_those_who_answer_for_it_with_the_offer_to_assess_only_where_they_may()
    {
        await using var host = await AssessmentScenario.StartAsync();
        await AssessmentScenario.AddContactsAsync(host);
        await AssessAsync(host);
        var latestId = await AssessAsync(host);
        (Guid, Guid)[] pairs = [(AssessmentScenario.Crm, AssessmentScenario.Contact)];

        var owners = await AsAsync(host, AssessmentScenario.Owner, Roles.BusinessOwner, t => t.LatestAsync(pairs));
        var managers = await AsAsync(host, "manager@example.com", Roles.Manager, t => t.LatestAsync(pairs));
        var strangers = await AsAsync(host, "stranger@example.com", Roles.BusinessOwner, t => t.LatestAsync(pairs));
        var overview = await AsAsync(host, "manager@example.com", Roles.Manager, t => t.OverviewAsync());

        var owner = Assert.Single(owners);
        Assert.Equal((latestId, true, false, "CRM"), (owner.Latest!.Id, owner.MayAssess, owner.Running, owner.SystemName));
        Assert.False(Assert.Single(managers).MayAssess);
        Assert.Empty(strangers);
        Assert.Equal(latestId, Assert.Single(overview).Latest!.Id);
        Assert.Empty((await AsAsync(host, "stranger@example.com", Roles.BusinessOwner, t => t.TrendAsync(AssessmentScenario.Crm, AssessmentScenario.Contact))).Points);
    }
}
