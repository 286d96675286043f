namespace CrmGovernance.Core.Features.Matching;

/// <summary>
/// Existing records held in memory by blocking key, for matching incoming records one at a time (the worker, the
/// incremental benchmark). Not thread-safe for writes.
/// </summary>
public sealed class MatchIndex(MatchModel model)
{
    public MatchModel Model { get; } = model;
    public int Count => throw new NotImplementedException();
    /// <summary>Candidate pairs scored so far.</summary>
    public long Compared => throw new NotImplementedException();

    /// <summary>Adds or replaces (by id) a record.</summary>
    public void Put(MatchRecord record) => throw new NotImplementedException();

    public void Remove(string id) => throw new NotImplementedException();

    /// <summary>The existing records scoring at or above the review threshold against <paramref name="record"/>, best first.</summary>
    public IReadOnlyList<MatchCandidate> Match(MatchRecord record) => throw new NotImplementedException();
}
