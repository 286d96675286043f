using System.Globalization;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun.Demo;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Features.FirstRun.History;

/// <summary>
/// Web enquiries. Before go-live the website's enquiries were collected every four hours and every one became a new CRM
/// contact, even when its email was already there (duplicates; hours before sales saw it). From go-live each enquiry runs
/// as it arrives: an existing email updates its contact, and the contact match rule does what the engine does with it
/// (at or above its auto-match threshold the contact is matched and its identity fields guarded; between the thresholds
/// a new contact is created and the pair sent to the review queue). Contacts the history created exist only in it
/// (<see cref="DemoHistoryMarks"/>); a collection that found no enquiry keeps no run, as in the worker.
/// </summary>
internal sealed partial class DemoHistoryLedger
{
    private static readonly TimeSpan Collection = TimeSpan.FromHours(4);

    /// <summary>History-only numbers of the contacts the history's enquiries created.</summary>
    private int _createdContacts = 60_000;

    private sealed record Enquiry(DateTime AtUtc, DemoPerson Person, int? CrmIndex, string SourceId);

    private void Leads()
    {
        var enquiries = Enquiries();
        var batches = enquiries.Where(e => SlotOf(e.AtUtc) <= _time.GoLiveUtc).GroupBy(e => SlotOf(e.AtUtc)).ToDictionary(g => g.Key, g => g.ToList());
        for (var slot = _time.StartUtc.Add(Collection); slot <= _time.GoLiveUtc && slot < _time.EndUtc; slot += Collection)
        {
            if (batches.GetValueOrDefault(slot) is not { Count: > 0 } batch)
            {
                continue;
            }
            var started = Chance(0.08, 0.08, slot) ? Seconds(slot, 360, 1_500) : Seconds(slot, 1, 40);
            var run = StartRun(DemoConfiguration.WebFormFlow, SyncTrigger.Schedule, started, slot, leads: true);
            var at = started.AddSeconds(1);
            foreach (var enquiry in batch)
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
            Outcome(run, OutcomeKind.Created, e.SourceId, CreatedContact(), at, values, sourceCreatedUtc: e.AtUtc);
            return;
        }
        var rule = ContactRule();
        var roll = _random.NextDouble();
        if (roll < 0.03)
        {
            // A mistyped email: the match rule scored the existing contact between its thresholds. The engine creates the
            // record and sends the pair to a steward, who merged or kept them apart (history-only records on both sides).
            var score = Score(rule.ReviewThreshold, rule.AutoMatchThreshold);
            var created = CreatedContact();
            values["email"] = DemoNoise.Typo(p.Email, _random);
            Outcome(run, OutcomeKind.Created, e.SourceId, created, at, values, sourceCreatedUtc: e.AtUtc, score: score,
                reason: $"Possibly an existing contact (match probability {Text(score)}, between the match rule's thresholds): created, and the pair sent to the review queue.");
            run.Reviews.Add(RunPair(at, created, DemoHistoryMarks.Record(ContactId(index)), score));
        }
        else if (roll < 0.1)
        {
            // A mistyped email the match rule still recognised (at or above its auto-match threshold): a fuzzy match never
            // overwrites identity evidence, so the contact keeps its email, as the rule says.
            var score = Score(rule.AutoMatchThreshold, 1);
            var typo = DemoNoise.Typo(p.Email, _random);
            var how = $"the record was matched by the match rule ({Text(score)}), and a fuzzy match never overwrites identity evidence.";
            var hold = rule.FuzzyIdentityChange == FuzzyIdentityChange.HoldForSteward;
            var reason = hold ? $"Held the incoming Email \"{typo}\" for a steward and kept the existing \"{p.Email}\": {how}"
                : rule.FuzzyIdentityChange == FuzzyIdentityChange.KeepExisting ? $"Kept the existing Email \"{p.Email}\": {how} The incoming \"{typo}\" was not written."
                : null;
            if (rule.FuzzyIdentityChange == FuzzyIdentityChange.TakeIncoming)
            {
                values["email"] = typo;
            }
            Outcome(run, OutcomeKind.Updated, e.SourceId, ContactId(index), at, values, reason: reason, match: "Fuzzy", score: score, sourceCreatedUtc: e.AtUtc);
            if (hold)
            {
                run.Reviews.Add(Held(at, e.SourceId, ContactId(index), score, new ProposedFieldChange("email", "Email", p.Email, typo)));
            }
        }
        else
        {
            var kind = _random.Next(2) == 0 ? OutcomeKind.Appended : OutcomeKind.Updated;
            Outcome(run, kind, e.SourceId, ContactId(index), at, kind == OutcomeKind.Updated ? values : null, match: "Key", sourceCreatedUtc: e.AtUtc);
        }
    }

    /// <summary>The demo's contact match rule (its thresholds and what a fuzzy match does to identity fields).</summary>
    private MatchRule ContactRule() => _live.MatchRules.FirstOrDefault(r => r.ObjectId == StandardObjects.Contact)
        ?? throw new InvalidOperationException("The demo configuration lacks a contact match rule.");

    /// <summary>A match probability from <paramref name="from"/> up to (not including) <paramref name="to"/>, to three places.</summary>
    private double Score(double from, double to) => Math.Min(Math.Round(from + (_random.NextDouble() * (to - from)), 3, MidpointRounding.ToZero), to - 0.001);

    /// <summary>A contact created in the history: "history-C-60012", a record the demo CRM never held.</summary>
    private string CreatedContact() => DemoHistoryMarks.Record("C-" + (++_createdContacts).ToString("D5", CultureInfo.InvariantCulture));

    /// <summary>A review-band pair of a run (the created record and the existing one), merged or kept apart within days.</summary>
    private ReviewItem RunPair(DateTime at, string created, string existing, double score)
    {
        var decided = DecidedAfter(at, 72);
        return new ReviewItem
        {
            ObjectId = StandardObjects.Contact, SystemId = DemoConfiguration.Crm, FlowId = DemoConfiguration.WebFormFlow, LeftRecordId = created,
            RightRecordId = existing, Score = score, ExplanationJson = "[]", CreatedUtc = at,
            Status = _random.Next(10) < 8 ? ReviewStatus.Merged : ReviewStatus.NotDuplicate,
            DecidedUtc = decided, DecidedBy = Steward, HandlingSeconds = HandlingSeconds(decided),
        };
    }

    /// <summary>A held change (only when the rule holds identity changes) a steward applied or dismissed within the next day or so.</summary>
    private ReviewItem Held(DateTime at, string sourceId, string contactId, double score, ProposedFieldChange change)
    {
        var decided = DecidedAfter(at, 30);
        return new ReviewItem
        {
            ObjectId = StandardObjects.Contact, SystemId = DemoConfiguration.Crm, FlowId = DemoConfiguration.WebFormFlow, LeftRecordId = sourceId,
            RightRecordId = DemoHistoryMarks.Record(contactId), Score = score, ExplanationJson = "[]", CreatedUtc = at,
            ProposedChangesJson = ReviewJson.ProposedChanges([change]),
            Status = _random.Next(3) == 0 ? ReviewStatus.ChangeApplied : ReviewStatus.ChangeDismissed,
            DecidedUtc = decided, DecidedBy = Steward, HandlingSeconds = HandlingSeconds(decided),
        };
    }
}
