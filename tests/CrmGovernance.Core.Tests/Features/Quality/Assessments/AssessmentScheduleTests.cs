using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Quality;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core.Scheduling;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Tests.Features.Quality.Assessments;

/// <summary>Assessments on a schedule (Quality:Assessments): the settings checked at start, and one round of the job against a real database.</summary>
public sealed class AssessmentScheduleTests
{
    [Theory]
    [InlineData("Schedule", "every sunday", "Quality:Assessments:Schedule is not a valid Quartz cron expression")]
    [InlineData("Region", "UK", "Quality:Assessments:Region is not a two-letter ISO 3166 country code")]
    [InlineData("StaleMonths", "0", "Quality:Assessments:StaleMonths must be a number of months from 1 to 120")]
    public void A_bad_setting_is_refused_at_start_with_a_message_naming_its_key(string key, string value, string message)
    {
        using var services = Services(new() { [$"Quality:Assessments:{key}"] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AssessmentScheduleOptions>>().Value);

        Assert.Contains(refused.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
        Assert.Empty(services.GetServices<ScheduledJob>());
    }

    [Fact]
    public void Without_a_schedule_no_job_is_declared_and_with_one_the_job_fires_on_it()
    {
        using var none = Services([]);
        using var sundays = Services(new() { ["Quality:Assessments:Schedule"] = "0 0 5 ? * SUN" });

        var options = none.GetRequiredService<IOptions<AssessmentScheduleOptions>>().Value;
        Assert.Equal((false, "GB", 24), (options.Scheduled, options.Region, options.StaleMonths));
        Assert.Empty(none.GetServices<ScheduledJob>());
        Assert.Equal(AssessmentScheduleJob.Trigger, Assert.Single(sundays.GetServices<ScheduledJob>()).TriggerKey);
    }

    [Fact]
    public async Task A_round_queues_one_assessment_per_assessable_systems_object_as_the_system_skips_one_already_running_and_audits_each()
    {
        var demo = DemoConfiguration.Build(AssessmentScenario.Owner, AssessmentScenario.Owner);
        // Sync:Worker off: nothing runs the queued assessments, so they stay waiting for the second round to find.
        await using var host = await SyncTestHost.StartAsync(demo, new Dictionary<string, string?> { ["Quality:Assessments:Region"] = "ie" });
        var plans = AssessmentPlan.All(demo);
        await host.QueryAsync(db =>
        {
            db.Assessments.Add(new Assessment
            {
                SystemId = DemoConfiguration.Crm, ObjectId = StandardObjects.Contact, Status = AssessmentStatus.Running, RequestedBy = "owner@example.com",
                RequestedUtc = DateTime.UtcNow, Phase = "reading", Region = "GB", StaleMonths = 24, ConfigurationVersion = 1,
            });
            return db.SaveChangesAsync();
        });

        var (queued, skipped) = await RoundAsync(host);
        var (again, skippedAgain) = await RoundAsync(host);

        // The CRM's contacts, companies, orders and opportunities, the shop's customers and orders, marketing's contacts
        // and opportunities; the website's webhook connector cannot be read.
        Assert.Equal(8, plans.Count);
        Assert.Equal(["Contact in CRM"], skipped);
        Assert.Equal(7, queued.Count);
        var rows = await host.QueryAsync(db => db.Assessments.AsNoTracking().Where(a => queued.Contains(a.Id)).ToListAsync());
        Assert.All(rows, a => Assert.Equal((AssessmentStatus.Queued, "system:assessment schedule", "IE", 24, 1),
            (a.Status, a.RequestedBy, a.Region, a.StaleMonths, a.ConfigurationVersion)));
        Assert.Equal(plans.Where(p => p.System.Id != DemoConfiguration.Crm || p.BusinessObject.Id != StandardObjects.Contact)
            .Select(p => (p.System.Id, p.BusinessObject.Id)).Order(), rows.Select(a => (a.SystemId, a.ObjectId)).Order());
        var audit = await host.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.AssessmentStarted).ToListAsync());
        Assert.Equal(queued.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), audit.Select(e => e.EntityId).Order());
        Assert.All(audit, e => Assert.Equal("system:assessment schedule", e.ActorName));
        // A second round finds every one still waiting: it queues nothing more.
        Assert.Empty(again);
        Assert.Equal(8, skippedAgain.Count);
    }

    private static async Task<(IReadOnlyList<long> Queued, IReadOnlyList<string> Skipped)> RoundAsync(SyncTestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<AssessmentScheduleJob>(scope.ServiceProvider).RunAsync("test", CancellationToken.None);
    }

    /// <summary>The Quality registrations alone, on the given settings.</summary>
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddQuality(new CoreHost(configuration, Path.GetTempPath(), HostRole.Test)).BuildServiceProvider();
    }
}
