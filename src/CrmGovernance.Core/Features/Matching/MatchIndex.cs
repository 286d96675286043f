using CrmGovernance.Core.Features.Matching.Blocking;
using CrmGovernance.Core.Features.Matching.Scoring;

namespace CrmGovernance.Core.Features.Matching;

/// <summary>
/// Existing records held in memory by blocking key, for matching incoming records one at a time (the worker, the
/// incremental benchmark). Not thread-safe for writes; <see cref="Match"/> may run on several threads between writes.
/// Uses the same blocking, limits and scoring as <see cref="DuplicateFinder"/>.
/// </summary>
public sealed partial class MatchIndex
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<PreparedRecord?> _records = [];
    private readonly Stack<int> _free = new();
    private readonly BlockIndex _blocks;
    private readonly BlockingLimits _limits;
    private readonly MatchPopulation _population = new();
    private long _compared;

    public MatchIndex(MatchModel model) : this(model, BlockingLimits.Default)
    {
    }

    public MatchIndex(MatchModel model, BlockingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _limits = limits;
        _blocks = new BlockIndex(slot => _records[slot]!);
    }

    public MatchModel Model { get; }

    public int Count => _slots.Count;

    /// <summary>Candidate pairs scored so far.</summary>
    public long Compared => Interlocked.Read(ref _compared);

    /// <summary>Adds or replaces (by id) a record.</summary>
    public void Put(MatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Insert(Model.Prepare(record));
    }

    private void Insert(PreparedRecord prepared)
    {
        Remove(prepared.Id);
        var slot = NewSlot();
        _records[slot] = prepared;
        _slots[prepared.Id] = slot;
        _population.Add(prepared);
        for (var k = 0; k < Model.Keys.Count; k++)
        {
            if (Model.KeyHash(prepared, k) is var hash and not 0)
            {
                _blocks.Add(hash, slot);
            }
        }
    }

    /// <summary>The last freed slot, else a new one at the end.</summary>
    private int NewSlot()
    {
        if (_free.TryPop(out var slot))
        {
            return slot;
        }
        _records.Add(null);
        return _records.Count - 1;
    }

    public void Remove(string id)
    {
        if (!_slots.Remove(id, out var slot))
        {
            return;
        }
        var prepared = _records[slot]!;
        Unblock(prepared, slot);
        _population.Remove(prepared);
        _records[slot] = null;
        _free.Push(slot);
    }

    /// <summary>Takes a record's slot out of its blocks.</summary>
    private void Unblock(PreparedRecord prepared, int slot)
    {
        for (var k = 0; k < Model.Keys.Count; k++)
        {
            if (Model.KeyHash(prepared, k) is var hash and not 0)
            {
                _blocks.Remove(hash, slot);
            }
        }
    }

    /// <summary>The existing records scoring at or above the review threshold against <paramref name="record"/>, best first.</summary>
    public IReadOnlyList<MatchCandidate> Match(MatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var incoming = Model.Prepare(record);
        var seen = new HashSet<int>();
        var found = new List<(PreparedRecord Existing, double Weight)>();
        Span<int> single = stackalloc int[1];
        long compared = 0;
        for (var k = 0; k < Model.Keys.Count; k++)
        {
            var hash = Model.KeyHash(incoming, k);
            if (hash == 0)
            {
                continue;
            }
            foreach (var slot in _blocks.Candidates(hash, incoming, _limits, single))
            {
                var existing = _records[slot]!;
                if (!seen.Add(slot) || string.Equals(existing.Id, incoming.Id, StringComparison.Ordinal))
                {
                    continue;
                }
                compared++;
                var weight = Model.Weight(incoming, existing, _population);
                if (Model.Decide(MatchModel.Probability(weight)) != MatchDecision.Distinct)
                {
                    found.Add((existing, weight));
                }
            }
        }
        Interlocked.Add(ref _compared, compared);
        return [.. found
            .OrderByDescending(f => f.Weight).ThenBy(f => f.Existing.Id, StringComparer.Ordinal)
            .Select(f => new MatchCandidate(f.Existing.Id, Model.Score(incoming, f.Existing, _population)))];
    }
}
