using System.Globalization;
using CrmGovernance.Core.Features.FirstRun.Demo;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Features.FirstRun.History;

/// <summary>
/// Web enquiries. Before go-live the website's enquiries were collected every four hours and every one became a new CRM
/// contact, even when its email was already there (duplicates; hours before sales saw it). From go-live each enquiry runs
/// as it arrives and an existing email updates its contact.
/// </summary>
internal sealed partial class DemoHistoryLedger
{
    private static readonly TimeSpan Collection = TimeSpan.FromHours(4);

    private sealed record Enquiry(DateTime AtUtc, DemoPerson Person, int? CrmIndex, string SourceId);

    private void Leads()
    {
        var enquiries = Enquiries();
        var batches = enquiries.Where(e => SlotOf(e.AtUtc) <= _time.GoLiveUtc).GroupBy(e => SlotOf(e.AtUtc)).ToDictionary(g => g.Key, g => g.ToList());
        for (var slot = _time.StartUtc.Add(Collection); slot <= _time.GoLiveUtc && slot < _time.EndUtc; slot += Collection)
        {
            var started = Chance(0.08, 0.08, slot) ? Seconds(slot, 360, 1_500) : Seconds(slot, 1, 40);
            var run = StartRun(DemoConfiguration.WebFormFlow, SyncTrigger.Schedule, started, slot, leads: true);
            var at = started.AddSeconds(1);
            foreach (var enquiry in batches.GetValueOrDefault(slot) ?? [])
            {
                Lead(run, enquiry, at);
                at = at.AddMilliseconds(150 + _random.Next(600));
            }
            Finish(run, at.AddSeconds(1));
        }
        foreach (var enquiry in enquiries.Where(e => SlotOf(e.AtUtc) > _time.GoLiveUtc))
        {
            // Enquiries waiting for the next collection at go-live were picked up by the new configuration at once.
            var arrived = enquiry.AtUtc < _time.GoLiveUtc ? _time.GoLiveUtc : enquiry.AtUtc;
            var started = _random.Next(20) == 0 ? Seconds(arrived, 60, 900) : Seconds(arrived, 1, 6);
            if (started >= _time.EndUtc)
            {
                continue;
            }
            var run = StartRun(DemoConfiguration.WebFormFlow, SyncTrigger.Inbox, started, null, leads: true);
            var at = Seconds(started, 0.2, 1.5);
            Lead(run, enquiry, at);
            Finish(run, Seconds(at, 0.05, 0.3));
        }
    }

    private List<Enquiry> Enquiries()
    {
        var list = new List<Enquiry>();
        var crm = DemoPeople.Crm;
        foreach (var day in HistoryDays())
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var count = weekend ? 6 + _random.Next(6) : 15 + _random.Next(11);
            for (var i = 0; i < count; i++)
            {
                var at = day.AddHours(7 + (_random.NextDouble() * 15));
                var n = list.Count + 1;
                var source = "web-h" + n.ToString("D5", CultureInfo.InvariantCulture);
                if (_random.NextDouble() < 0.28)
                {
                    var index = _random.Next(crm.Count);
                    list.Add(new Enquiry(at, crm[index], index, source));
                }
                else
                {
                    list.Add(new Enquiry(at, DemoPeople.Visitor(900_000 + n), null, source));
                }
            }
        }
        return [.. list.Where(e => e.AtUtc < _time.EndUtc).OrderBy(e => e.AtUtc)];
    }

    private DateTime SlotOf(DateTime atUtc) =>
        _time.StartUtc.AddTicks((long)Math.Ceiling((atUtc - _time.StartUtc).Ticks / (double)Collection.Ticks) * Collection.Ticks);

    private void Lead(HistoryRun run, Enquiry e, DateTime at)
    {
        var p = e.Person;
        if (Chance(0.05, 0.015, at))
        {
            Outcome(run, OutcomeKind.Rejected, e.SourceId, null, at, reason: $"email: '{p.Email.Replace("@", " at ", StringComparison.Ordinal)}' is not an email address.",
                sourceCreatedUtc: e.AtUtc);
            return;
        }
        if (Chance(0.006, 0.002, at))
        {
            Outcome(run, OutcomeKind.Failed, e.SourceId, null, at, reason: "The CRM refused the write: database is locked.", sourceCreatedUtc: e.AtUtc);
            return;
        }
        var lastName = Chance(0.12, 0.015, at) ? "" : p.LastName;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["email"] = p.Email.ToLowerInvariant(), ["first_name"] = p.FirstName, ["last_name"] = lastName, ["phone"] = p.PhoneE164,
            ["last_form_at"] = e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), ["lifecycle_stage"] = "lead",
        };
        if (!_time.AfterGoLive(at) || e.CrmIndex is not { } index)
        {
            // Before go-live an existing email was not looked up: this is how the CRM collected its duplicates.
            var target = "C-" + (60_000 + Runs.Count).ToString("D5", CultureInfo.InvariantCulture);
            Outcome(run, OutcomeKind.Created, e.SourceId, target, at, values, sourceCreatedUtc: e.AtUtc);
            return;
        }
        var contact = "C-" + (index + 1).ToString("D5", CultureInfo.InvariantCulture);
        var roll = _random.NextDouble();
        if (roll < 0.04)
        {
            var proposed = p.FirstName + (p.FirstName.EndsWith('a') ? "h" : "e");
            Outcome(run, OutcomeKind.Queued, e.SourceId, contact, at, reason: "Matched an existing contact by name and phone, not by email: held for a steward.",
                match: "Fuzzy", sourceCreatedUtc: e.AtUtc);
            run.Reviews.Add(Held(at, e.SourceId, contact, new ProposedFieldChange("first_name", "First name", p.FirstName, proposed)));
        }
        else
        {
            var kind = roll < 0.14 ? OutcomeKind.Updated : _random.Next(2) == 0 ? OutcomeKind.Appended : OutcomeKind.Updated;
            Outcome(run, kind, e.SourceId, contact, at, kind == OutcomeKind.Updated ? values : null, match: roll < 0.14 ? "Fuzzy" : "Key", sourceCreatedUtc: e.AtUtc);
        }
    }

    /// <summary>A held change a steward applied or dismissed within the next day or so.</summary>
    private ReviewItem Held(DateTime at, string sourceId, string contactId, ProposedFieldChange change)
    {
        var decided = DecidedAfter(at, 30);
        var open = decided is null;
        return new ReviewItem
        {
            ObjectId = StandardObjects.Contact, SystemId = DemoConfiguration.Crm, FlowId = DemoConfiguration.WebFormFlow, LeftRecordId = sourceId,
            RightRecordId = contactId, Score = Math.Round(0.86 + (_random.NextDouble() * 0.08), 3), ExplanationJson = "[]", CreatedUtc = at,
            ProposedChangesJson = ReviewJson.ProposedChanges([change]),
            Status = open ? ReviewStatus.Open : _random.Next(3) == 0 ? ReviewStatus.ChangeDismissed : ReviewStatus.ChangeApplied,
            DecidedUtc = decided, DecidedBy = open ? null : Steward, HandlingSeconds = decided is { } d ? HandlingSeconds(d) : null,
        };
    }
}
