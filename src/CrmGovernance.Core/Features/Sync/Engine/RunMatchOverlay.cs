using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// Target records a run has created or changed that the shared match index does not hold yet: a real run's current
/// batch (stored with the batch's record, then dropped), or everything a dry run has seen (never stored).
/// Holds each record's target fields, so a later batch can be matched against it.
/// </summary>
internal sealed class RunMatchOverlay(MatchModel model, MatchFields fields)
{
    private readonly Dictionary<string, Dictionary<string, string?>> _values = new(StringComparer.Ordinal);
    private MatchIndex _index = new(model);

    public bool IsEmpty => _values.Count == 0;

    public bool Contains(string id) => _values.ContainsKey(id);

    public Dictionary<string, string?>? Values(string id) => _values.GetValueOrDefault(id);

    public void Put(string id, IReadOnlyDictionary<string, string?> targetFields)
    {
        var copy = new Dictionary<string, string?>(targetFields, StringComparer.OrdinalIgnoreCase);
        _values[id] = copy;
        _index.Put(fields.ToRecord(id, copy));
    }

    public IReadOnlyList<MatchCandidate> Match(MatchRecord record) => IsEmpty ? [] : _index.Match(record);

    public void Clear()
    {
        if (!IsEmpty)
        {
            _values.Clear();
            _index = new MatchIndex(model);
        }
    }
}
