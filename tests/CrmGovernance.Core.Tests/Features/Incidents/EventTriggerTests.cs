using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Incidents.Triggers;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Features.Sync.ErrorQueue;

namespace CrmGovernance.Core.Tests.Features.Incidents;

public sealed class EventTriggerTests
{
    [Fact]
    public async Task A_flow_error_queue_reaching_the_threshold_opens_one_incident_and_growth_folds_into_it()
    {
        await using var s = await IncidentScenario.StartAsync();
        await AddErrorsAsync(s, 24);
        await s.HandleAsync<ErrorQueueTrigger>(new ErrorQueueItemsAdded(IncidentScenario.Orders, 24, null));
        Assert.Empty(await s.IncidentsAsync());

        await AddErrorsAsync(s, 1);
        await s.HandleAsync<ErrorQueueTrigger>(new ErrorQueueItemsAdded(IncidentScenario.Orders, 1, null));
        await AddErrorsAsync(s, 3);
        await s.HandleAsync<ErrorQueueTrigger>(new ErrorQueueItemsAdded(IncidentScenario.Orders, 3, null));

        var incident = Assert.Single(await s.IncidentsAsync());
        Assert.Equal(IncidentCause.ErrorQueueGrowing, incident.Cause);
        Assert.Equal(2, incident.Occurrences);
        Assert.StartsWith("25 records wait", incident.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_audit_chain_is_one_critical_incident_for_the_admins_and_an_intact_one_is_nothing()
    {
        await using var s = await IncidentScenario.StartAsync();
        await s.HandleAsync<AuditChainTrigger>(new ChainVerified(true, 10, null));
        await s.HandleAsync<AuditChainTrigger>(new ChainVerified(false, 12, "Entry 11 does not match its hash."));
        await s.HandleAsync<AuditChainTrigger>(new ChainVerified(false, 14, "Entry 11 does not match its hash."));
        // The same event handed again (its position was not saved) is not a third occurrence.
        await s.HandleAsync<AuditChainTrigger>(new ChainVerified(false, 14, "Entry 11 does not match its hash."), sequence: 3);

        var incident = Assert.Single(await s.IncidentsAsync());
        Assert.Equal((IncidentCause.AuditChainBroken, IncidentSeverity.Critical, 2), (incident.Cause, incident.Severity, incident.Occurrences));
        Assert.True(incident.OwnershipGap);
        Assert.Contains("\"toAdmins\":true", Assert.Single(await s.ChangesAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scan_finding_more_duplicates_than_the_previous_scan_of_the_same_data_is_a_duplicate_spike()
    {
        await using var s = await IncidentScenario.StartAsync();
        var first = await ScanAsync(s, StandardObjects.Contact, 0.02);
        await s.HandleAsync<DuplicateSpikeTrigger>(new ScanFinished(first, nameof(ScanStatus.Completed)));
        var small = await ScanAsync(s, StandardObjects.Contact, 0.05);
        await s.HandleAsync<DuplicateSpikeTrigger>(new ScanFinished(small, nameof(ScanStatus.Completed)));
        Assert.Empty(await s.IncidentsAsync());

        var spike = await ScanAsync(s, StandardObjects.Contact, 0.12);
        await s.HandleAsync<DuplicateSpikeTrigger>(new ScanFinished(spike, nameof(ScanStatus.Completed)));
        // Another object of the same system has a first scan: nothing to compare.
        var other = await ScanAsync(s, StandardObjects.Company, 0.5);
        await s.HandleAsync<DuplicateSpikeTrigger>(new ScanFinished(other, nameof(ScanStatus.Completed)));

        var incident = Assert.Single(await s.IncidentsAsync());
        Assert.Equal((IncidentCause.DuplicateSpike, DemoConfiguration.Crm, StandardObjects.Contact), (incident.Cause, incident.SystemId, incident.ObjectId));
        Assert.Contains("7 points more", incident.Detail, StringComparison.Ordinal);
    }

    private static Task AddErrorsAsync(IncidentScenario s, int count) => s.WriteAsync(db =>
    {
        for (var i = 0; i < count; i++)
        {
            db.ErrorQueueItems.Add(new ErrorQueueItem
            {
                Kind = ErrorKind.Rejected, FlowId = IncidentScenario.Orders, SystemKey = "shop", ObjectKey = "order", Reason = "status is not allowed",
                Payload = "{}", CreatedUtc = s.Host.Clock.GetUtcNow().UtcDateTime,
            });
        }
    });

    private static async Task<long> ScanAsync(IncidentScenario s, Guid obj, double rate)
    {
        var scan = new DuplicateScan
        {
            SystemId = DemoConfiguration.Crm, ObjectId = obj, Status = ScanStatus.Completed, RequestedBy = "steward@example.com",
            RequestedUtc = s.Host.Clock.GetUtcNow().UtcDateTime, RecordsRead = 1000, DuplicateRate = rate,
        };
        await s.WriteAsync(db => db.DuplicateScans.Add(scan));
        return scan.Id;
    }
}
