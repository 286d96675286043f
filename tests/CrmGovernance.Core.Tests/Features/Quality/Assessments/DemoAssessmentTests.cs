using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.FirstRun.Demo;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Tests.Features.Sync.Engine;

namespace CrmGovernance.Core.Tests.Features.Quality.Assessments;

/// <summary>
/// Assessments of the demo's CRM as a fresh start creates it (demo configuration, demo databases) through the real
/// runner and executor: the first one finds the defects the demo data carries, each with its exact count.
/// </summary>
public sealed class DemoAssessmentTests
{
    [Fact]
    public async Task A_first_assessment_of_the_demo_crm_finds_drifted_picklist_values_mixed_phones_an_unfilled_field_and_stale_records()
    {
        await using var host = await StartDemoAsync();

        var done = await host.FinishedAsync(await host.AsOwnerAsync(s => s.RequestAsync(DemoConfiguration.Crm, StandardObjects.Contact)));

        Assert.True(done.Status == AssessmentStatus.Completed, done.Error);
        // 160 contacts and the 12 keyed in twice; 35 not updated for more than two years.
        Assert.Equal((172L, 172L, 35L), (done.RecordsRead, done.RecordsWithUpdateTime, done.StaleRecords));
        var fields = (await host.AsOwnerAsync(s => s.FieldsAsync(done.Id))).ToDictionary(f => f.Field);
        var stage = fields["lifecycle_stage"];
        Assert.Equal((172L, 19L), (stage.Checked, stage.Invalid));
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["Lead"] = 4, ["client"] = 4, ["Customer"] = 3, ["CUSTOMER"] = 2, ["Churned"] = 2, ["MQL"] = 1, ["Subscriber"] = 1, ["lead "] = 1, ["newsletter"] = 1,
            },
            AssessmentJson.UnknownValues(stage).ToDictionary(v => v.Value, v => v.Records));
        // Phones: 97 in E.164, 33 in national spellings a Phone to E.164 step fixes, 4 that are not numbers (two of
        // them, "0791 234", too short to hold an area code: a local number, not a national one); 38 empty.
        var phone = fields["phone"];
        Assert.Equal((134L, 38L, 37L, 33L), (phone.Filled, phone.Missing, phone.Invalid, phone.Reformattable));
        Assert.Equal((0L, 172L), (fields["fax"].Filled, fields["fax"].Missing));
        Assert.Equal((172L, 4L), (fields["email"].Checked, fields["email"].Invalid));
        Assert.Equal(0, fields["customer_status"].Invalid);
        Assert.Equal(1 - (35.0 / 172), done.Freshness!.Value, 10);
    }

    [Fact]
    public async Task A_first_assessment_of_the_demo_crms_companies_finds_countries_outside_the_catalogs_list()
    {
        await using var host = await StartDemoAsync();

        var done = await host.FinishedAsync(await host.AsOwnerAsync(s => s.RequestAsync(DemoConfiguration.Crm, StandardObjects.Company)));

        Assert.True(done.Status == AssessmentStatus.Completed, done.Error);
        var fields = (await host.AsOwnerAsync(s => s.FieldsAsync(done.Id))).ToDictionary(f => f.Field);
        var country = fields["country"];
        Assert.Equal((26L, 16L), (country.Checked, country.Invalid));
        Assert.Equal(new Dictionary<string, long> { ["England"] = 6, ["UK"] = 4, ["GB"] = 3, ["Scotland"] = 3 },
            AssessmentJson.UnknownValues(country).ToDictionary(v => v.Value, v => v.Records));
    }

    private static async Task<SyncTestHost> StartDemoAsync()
    {
        // The flows stay drafts: nothing but the assessment reads the demo databases.
        var demo = DemoConfiguration.Build(AssessmentScenario.Owner, AssessmentScenario.Owner);
        demo = demo with { Flows = [.. demo.Flows.Select(f => f with { Status = FlowStatus.Draft })] };
        var host = await SyncTestHost.StartAsync(demo, new Dictionary<string, string?> { ["Sync:Worker"] = "true" });
        await DemoDatabases.CreateMissingAsync(host.PathOf("demo"), DateTime.UtcNow, CancellationToken.None);
        return host;
    }
}
