using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// Values rules set on records of another object of the target (an order's refund sets its contact's status; a lost
/// deal suppresses the contact's marketing), found through the record's email and the other object's email field.
/// </summary>
internal static class RelatedWrites
{
    public static async Task<List<(RecordResult Entry, string Error)>> ApplyAsync(FlowPlan plan, ISyncConnector target,
        IReadOnlyList<(RelatedSet Set, string KeyValue, RecordResult Entry)> sets, CancellationToken cancellationToken)
    {
        var failures = new List<(RecordResult, string)>();
        foreach (var group in sets.GroupBy(s => s.Set.ObjectKey, StringComparer.OrdinalIgnoreCase))
        {
            var obj = plan.Configuration.Objects.Find(o => string.Equals(o.Key, group.Key, StringComparison.OrdinalIgnoreCase));
            var keyField = obj is null ? null : plan.Configuration.FieldsOf(plan.Target.Id, obj.Id).FirstOrDefault(f => f.Type == FieldType.Email);
            if (obj is null || keyField is null)
            {
                continue;
            }
            var found = await target.LookupAsync(obj.Key, keyField.Name, group.Select(s => s.KeyValue).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
            var byKey = found.Where(r => r.Fields.GetValueOrDefault(keyField.Name) is not null).ToLookup(r => r.Fields[keyField.Name]!, StringComparer.Ordinal);
            var writes = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
            var dependents = new Dictionary<string, List<RecordResult>>(StringComparer.Ordinal);
            foreach (var (set, keyValue, entry) in group)
            {
                foreach (var record in byKey[keyValue].Where(r => !string.Equals(r.Fields.GetValueOrDefault(set.Field), set.Value, StringComparison.Ordinal)))
                {
                    if (!writes.TryGetValue(record.Id, out var fields))
                    {
                        fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                        writes[record.Id] = fields;
                        dependents[record.Id] = [];
                    }
                    fields[set.Field] = set.Value;
                    dependents[record.Id].Add(entry);
                }
            }
            if (writes.Count == 0)
            {
                continue;
            }
            var results = await target.WriteBatchAsync(obj.Key, writes.Select(w => new RecordWrite(w.Key, w.Value, IsNew: false)).ToList(), cancellationToken);
            failures.AddRange(results.Where(r => !r.Succeeded).SelectMany(r => dependents[r.Id].Select(e => (e, $"Setting {obj.Key} {r.Id}: {r.Error}"))));
        }
        return failures;
    }
}
