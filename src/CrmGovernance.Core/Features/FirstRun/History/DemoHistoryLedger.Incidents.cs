using CrmGovernance.Core.Features.Incidents;

namespace CrmGovernance.Core.Features.FirstRun.History;

/// <summary>
/// The incidents of the history, all ended: each marketing outage (recovered by the next clean run; acknowledged slowly
/// before go-live, breaching its clock), a failing order feed resolved by hand late, and an error-queue alarm nobody
/// attended, which expired.
/// </summary>
internal sealed partial class DemoHistoryLedger
{
    private static readonly string Owner = DemoAccounts.All.First(a => a.Role == Access.Roles.BusinessOwner).Email;
    private static readonly string Manager = DemoAccounts.All.First(a => a.Role == Access.Roles.Manager).Email;

    private void AddIncidents()
    {
        var marketing = _live.FindSystem(DemoConfiguration.Marketing)?.Name ?? "Marketing automation";
        foreach (var (from, to) in _marketingOutages.Where(o => o.To < _time.EndUtc))
        {
            // The first run that fails in the outage opens the incident; the first successful poll after it recovers it.
            if (Runs.FirstOrDefault(r => r.Run.FlowId == DemoConfiguration.OpportunitiesFlow && r.Run.Status == Sync.Runs.SyncRunStatus.SystemUnavailable
                && r.Run.StartedUtc >= from && r.Run.StartedUtc < to) is not { } failed)
            {
                continue;
            }
            var opened = failed.Run.FinishedUtc!.Value;
            var before = !_time.AfterGoLive(opened);
            var acknowledged = opened.AddMinutes(before ? 40 + _random.Next(110) : 4 + _random.Next(20));
            // A successful poll recovers it, whether it read something (a run) or nothing (no run is kept).
            var recovered = _opportunityChecks.FirstOrDefault(c => c >= to) is var check && check != default ? check.AddSeconds(2) : to;
            Add(IncidentCause.SystemUnavailable, IncidentSeverity.High, $"{marketing} is unavailable", "Runs of the opportunities flow could not open the marketing database.",
                DemoConfiguration.OpportunitiesFlow, DemoConfiguration.Marketing, StandardObjects.Opportunity, marketing, opened, acknowledged < recovered ? acknowledged : null,
                recovered, IncidentEnding.Recovered, ackMinutes: 30, resolveHours: 4);
        }
        var failing = Runs.FirstOrDefault(r => r.Run.FlowId == DemoConfiguration.OrdersFlow && r.Run.Status == Sync.Runs.SyncRunStatus.Failed && !_time.AfterGoLive(r.Run.StartedUtc));
        if (failing is not null)
        {
            var opened = failing.Run.FinishedUtc!.Value;
            Add(IncidentCause.RunFailed, IncidentSeverity.High, "Shop orders to CRM failed", "The shop database could not be read: database is locked.",
                DemoConfiguration.OrdersFlow, DemoConfiguration.Shop, StandardObjects.Order, failing.Run.FlowName, opened, opened.AddMinutes(25), opened.AddHours(7),
                IncidentEnding.Resolved, ackMinutes: 30, resolveHours: 4);
        }
        var expired = _time.StartUtc.AddDays(9).AddHours(14);
        Add(IncidentCause.ErrorQueueGrowing, IncidentSeverity.Medium, "The error queue of Web form to CRM contacts keeps growing",
            "Rejected web enquiries waited in the error queue for more than a day.", DemoConfiguration.WebFormFlow, DemoConfiguration.Crm, StandardObjects.Contact,
            Flow(DemoConfiguration.WebFormFlow).Name, expired, null, expired.AddHours(72), IncidentEnding.Expired, ackMinutes: 120, resolveHours: 24);
    }

    private void Add(IncidentCause cause, IncidentSeverity severity, string title, string detail, Guid flowId, Guid systemId, Guid objectId, string subject,
        DateTime opened, DateTime? acknowledged, DateTime ended, IncidentEnding ending, int ackMinutes, int resolveHours)
    {
        var incident = new Incident
        {
            FoldKey = $"{cause}:flow:{flowId:N}", Cause = cause, Severity = severity, State = IncidentState.Closed, Ending = ending, Title = title, Detail = detail,
            FlowId = flowId, SystemId = systemId, ObjectId = objectId, SubjectName = subject, Owner = Owner, EscalationContact = Manager,
            ConfigurationVersion = _time.VersionAt(opened), FirstSeenUtc = opened, LastSeenUtc = ended, OpenedUtc = opened, AcknowledgedUtc = acknowledged,
            ResolvedUtc = ended, ClosedUtc = ended, AcknowledgeDueUtc = opened.AddMinutes(ackMinutes), ResolveDueUtc = opened.AddHours(resolveHours),
            ResolutionNote = ending == IncidentEnding.Resolved ? "A long backup locked the shop database; moved the backup to the night. (Demo history.)" : null,
            ResolutionCategory = ending == IncidentEnding.Resolved ? ResolutionCategory.SourceData : null,
        };
        incident.AcknowledgeBreached = (acknowledged ?? ended) > incident.AcknowledgeDueUtc;
        incident.ResolveBreached = ended > incident.ResolveDueUtc;
        var entries = new List<IncidentEntry> { Entry(opened, IncidentEntryKind.Opened, "system", title + " (demo history)") };
        if (incident.AcknowledgeBreached)
        {
            entries.Add(Entry(incident.AcknowledgeDueUtc, IncidentEntryKind.Breach, "system", "Not acknowledged in time."));
        }
        if (acknowledged is { } ack)
        {
            entries.Add(Entry(ack, IncidentEntryKind.Acknowledged, Owner, "Acknowledged."));
        }
        entries.Add(Entry(ended, ending switch { IncidentEnding.Recovered => IncidentEntryKind.Recovered, IncidentEnding.Resolved => IncidentEntryKind.Resolved, _ => IncidentEntryKind.Expired },
            ending == IncidentEnding.Resolved ? Owner : "system", ending switch
            {
                IncidentEnding.Recovered => "Recovered: the next poll of the source succeeded.",
                IncidentEnding.Resolved => incident.ResolutionNote!,
                _ => "Expired: unattended past its time to live.",
            }));
        Incidents.Add(new HistoryIncident(incident, entries));
    }

    private static IncidentEntry Entry(DateTime at, IncidentEntryKind kind, string actor, string text) => new() { AtUtc = at, Kind = kind, Actor = actor, Text = text };
}
