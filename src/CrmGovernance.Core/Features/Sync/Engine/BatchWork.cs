using System.Text.Json;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>The writes a batch decided on, merged per target record, and the records that depend on each write.</summary>
internal sealed class BatchWork(FlowPlan plan, TargetIndex index, DateTime now, bool dryRun = false)
{
    private readonly Dictionary<string, (Dictionary<string, string?> Fields, bool IsNew)> _writes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RecordResult>> _dependents = new(StringComparer.Ordinal);
    private readonly List<(ActivityWrite Activity, RecordResult Entry, bool Changed)> _activities = [];
    private readonly List<(RelatedSet Set, string KeyValue, RecordResult Entry)> _related = [];

    public void Apply(IncomingRecord record, RecordResult entry, RecordDecision decision, string targetId, MatchKind match, bool identityGuarded = false)
    {
        foreach (var (field, value) in decision.SetFields)
        {
            record.Values[field] = value;
        }
        if (decision.RejectReason is { } reject)
        {
            (entry.Outcome, entry.Reason) = (OutcomeKind.Rejected, reject);
            return;
        }
        if (decision.ReviewReason is { } review)
        {
            (entry.Outcome, entry.Reason, entry.AfterJson) = (OutcomeKind.Queued, review, Json(record.Values));
            return;
        }
        entry.TargetId = targetId;
        var notes = new List<string>();
        if (match == MatchKind.None)
        {
            var fields = record.Values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);
            Write(targetId, fields, isNew: true, entry);
            index.Put(plan, targetId, new Dictionary<string, string?>(fields, StringComparer.OrdinalIgnoreCase));
            (entry.Outcome, entry.NewLink, entry.AfterJson) = (OutcomeKind.Created, true, Json(fields));
            if (entry.ReviewWith is { } possible)
            {
                notes.Add($"Possible duplicate of {possible.Id} ({Score(possible.Score.Probability)}): {(dryRun ? "would be sent" : "sent")} to the review queue.");
            }
        }
        else
        {
            var before = index.Find(targetId) ?? new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var writes = decision.Update || decision.OwnedFieldsOnly || !decision.Decided;
            var ownedOnly = decision.OwnedFieldsOnly && !decision.Update;
            var changes = writes
                ? record.Values.Where(v => plan.Ownership.MayWrite(v.Key, before.GetValueOrDefault(v.Key), v.Value, ownedOnly)).ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase)
                : [];
            // A fuzzy match is evidence the records are one, not that the incoming identity values are right.
            var how = match == MatchKind.Fuzzy ? $"the record was matched by the match rule ({Score(entry.MatchScore ?? 0)})"
                : "this source record was linked to it by the match rule in an earlier run";
            var guarded = identityGuarded ? IdentityGuard.Protect(plan, before, changes, entry, how, dryRun) : [];
            var shown = record.Values.Keys.Union(changes.Keys, StringComparer.OrdinalIgnoreCase).ToList();
            entry.BeforeJson = Json(shown.ToDictionary(k => k, before.GetValueOrDefault, StringComparer.OrdinalIgnoreCase));
            if (changes.Count > 0)
            {
                Write(targetId, changes, isNew: false, entry);
                foreach (var (field, value) in changes)
                {
                    before[field] = value;
                }
                index.Put(plan, targetId, before);
            }
            entry.AfterJson = Json(shown.ToDictionary(k => k, before.GetValueOrDefault, StringComparer.OrdinalIgnoreCase));
            entry.NewLink = match is MatchKind.Key or MatchKind.Fuzzy;
            entry.Outcome = decision.Append ? OutcomeKind.Appended : changes.Count > 0 ? OutcomeKind.Updated : OutcomeKind.Unchanged;
            if (entry.Outcome == OutcomeKind.Unchanged && guarded.Count == 0)
            {
                // Nothing to compare: a resync of unchanged records does not fill the portal with copies of their values.
                (entry.BeforeJson, entry.AfterJson) = (null, null);
            }
            notes.Add(match switch
            {
                MatchKind.Key => "Matched an existing record by key.",
                MatchKind.Fuzzy => $"Matched by the match rule to {targetId} ({Score(entry.MatchScore ?? 0)}).",
                _ => "Matched the record this source record is linked to.",
            });
            notes.AddRange(guarded);
            if (decision.Append)
            {
                var activity = new ActivityWrite(ActivityKey.For(plan, record.Source), plan.BusinessObject.Key, targetId,
                    plan.Source.Key, record.Source.CreatedUtc ?? now, SyncJson.Serialize(record.Source.Fields));
                _activities.Add((activity, entry, changes.Count > 0));
            }
        }
        foreach (var set in decision.Related)
        {
            var email = plan.TargetCatalog.Values.FirstOrDefault(f => f.Type == Configuration.Model.FieldType.Email) is { } f ? record.Values.GetValueOrDefault(f.Name) : null;
            if (email is null)
            {
                notes.Add($"Rule \"{set.Rule}\" could not set {set.ObjectKey}.{set.Field}: the record has no email to find the {set.ObjectKey}.");
                continue;
            }
            _related.Add((set, email, entry));
            notes.Add($"Rule \"{set.Rule}\" sets {set.ObjectKey}.{set.Field} to {set.Value}.");
        }
        if (decision.NotifyOwner)
        {
            // The notification itself goes out when the run ends (OwnerNotificationRequested, once per rule), and not at all in a dry run.
            var owner = plan.Flow.Owner.Length > 0 ? plan.Flow.Owner : plan.BusinessObject.Owner;
            notes.Add(dryRun ? $"Owner {owner} would be notified." : $"Owner {owner} will be notified.");
            entry.NotifyRules = [.. decision.NotifyRules.Distinct(StringComparer.Ordinal)];
        }
        if (decision.FiredRules.Count > 0)
        {
            notes.Add("Rules: " + string.Join("; ", decision.FiredRules) + ".");
        }
        entry.Reason = notes.Count == 0 ? null : string.Join(" ", notes);
    }

    public async Task WriteAsync(ISyncConnector target, CancellationToken cancellationToken)
    {
        if (_writes.Count > 0)
        {
            var writes = _writes.Select(w => new RecordWrite(w.Key, w.Value.Fields, w.Value.IsNew)).ToList();
            foreach (var failed in (await target.WriteBatchAsync(plan.BusinessObject.Key, writes, cancellationToken)).Where(r => !r.Succeeded))
            {
                foreach (var entry in _dependents.GetValueOrDefault(failed.Id) ?? [])
                {
                    Fail(entry, failed.Error!);
                }
            }
        }
        if (_activities.Count > 0)
        {
            var pending = _activities.Where(a => a.Entry.Outcome != OutcomeKind.Failed).ToList();
            var distinct = pending.Select(a => a.Activity).DistinctBy(a => a.Id, StringComparer.Ordinal).ToList();
            var results = (await target.AppendActivitiesAsync(distinct, cancellationToken))
                .GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var appended = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (activity, entry, changed) in pending)
            {
                var result = results.GetValueOrDefault(activity.Id);
                if (result is { Succeeded: false })
                {
                    Fail(entry, result.Error!);
                }
                else if (result?.AlreadyRecorded == true || !appended.Add(activity.Id))
                {
                    AlreadyRecorded(entry, changed);
                }
            }
        }
        foreach (var (entry, error) in await RelatedWrites.ApplyAsync(plan, target, _related.Where(r => r.Entry.Outcome != OutcomeKind.Failed).ToList(), cancellationToken))
        {
            Fail(entry, error);
        }
    }

    /// <summary>The target holds this version's activity already (a batch read again after a crash): the outcome says so instead of a second "appended".</summary>
    private static void AlreadyRecorded(RecordResult entry, bool changed)
    {
        entry.Outcome = changed ? OutcomeKind.Updated : OutcomeKind.Unchanged;
        if (!changed)
        {
            (entry.BeforeJson, entry.AfterJson) = (null, null);
        }
        const string note = "Activity already recorded: the target holds this version of the source record's activity, so it was not written again.";
        entry.Reason = entry.Reason is null ? note : entry.Reason + " " + note;
    }

    internal static void Fail(RecordResult entry, string error) =>
        (entry.Outcome, entry.Reason, entry.NewLink) = (OutcomeKind.Failed, error, false);

    private void Write(string targetId, Dictionary<string, string?> fields, bool isNew, RecordResult entry)
    {
        if (_writes.TryGetValue(targetId, out var pending))
        {
            foreach (var (field, value) in fields)
            {
                pending.Fields[field] = value;
            }
        }
        else
        {
            _writes[targetId] = (new Dictionary<string, string?>(fields, StringComparer.OrdinalIgnoreCase), isNew);
        }
        if (!_dependents.TryGetValue(targetId, out var list))
        {
            list = [];
            _dependents[targetId] = list;
        }
        list.Add(entry);
    }

    private static string Json(IReadOnlyDictionary<string, string?> values) => SyncJson.Serialize(values);

    /// <summary>Up to three decimals, cut rather than rounded, so a score below 1 never reads 1 (0.99996 reads 0.999).</summary>
    internal static string Score(double probability) => (Math.Floor(probability * 1000) / 1000).ToString("0.00#", System.Globalization.CultureInfo.InvariantCulture);
}
