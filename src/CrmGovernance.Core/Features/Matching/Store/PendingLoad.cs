namespace CrmGovernance.Core.Features.Matching.Store;

/// <summary>
/// Rows read from the store waiting to go into a <see cref="MatchIndex"/> in one bulk load: normalised a chunk at a
/// time (so the raw values of a million rows are never held at once), indexed together at <see cref="Flush"/>.
/// </summary>
internal sealed class PendingLoad(MatchIndex index, int chunk)
{
    private readonly List<MatchRecord> _raw = [];
    private readonly List<PreparedRecord> _prepared = [];

    public void Add(MatchRecord record)
    {
        _raw.Add(record);
        if (_raw.Count >= chunk)
        {
            Prepare();
        }
    }

    /// <summary>Indexes what is pending (before a tombstone is applied, and at the end of a read).</summary>
    public void Flush()
    {
        Prepare();
        if (_prepared.Count > 0)
        {
            index.PutPrepared([.. _prepared]);
            _prepared.Clear();
        }
    }

    private void Prepare()
    {
        if (_raw.Count > 0)
        {
            _prepared.AddRange(index.Prepare(_raw));
            _raw.Clear();
        }
    }
}
