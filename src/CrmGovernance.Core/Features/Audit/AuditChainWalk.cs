namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// The state of one walk along the chain, fed row after row in sequence order: the next sequence expected, the hash
/// it must link to, whether rows must be keyed, and the first problem found. Besides each row's link and hash it
/// checks the row against the witness's signed checkpoints and the head an earlier verification recorded.
/// </summary>
public sealed class AuditChainWalk
{
    private readonly AuditChainKey _key;
    private readonly AuditWitnessReading _witness;
    private readonly ILookup<long, AuditCheckpoint> _checkpoints;
    private readonly long? _anchorSequence;
    private readonly string? _anchorHash;
    private readonly long? _upToSequence;
    private long _expected;
    private string _previousHash;
    private long? _keyedFrom;
    private ChainVerificationResult? _broken;

    /// <param name="anchorSequence">The head the latest intact recorded verification saw (in the database, so only a hint).</param>
    /// <param name="upToSequence">Stop at this row (an export's head, taken when it started).</param>
    /// <param name="startSequence">The first row to walk: 1, or a checkpoint's row for an incremental walk.</param>
    /// <param name="startPreviousHash">The hash <paramref name="startSequence"/> links to.</param>
    public AuditChainWalk(AuditChainKey key, AuditWitnessReading witness, long? anchorSequence, string? anchorHash, long? upToSequence,
        long startSequence = 1, string startPreviousHash = AuditHasher.GenesisHash)
    {
        _key = key;
        _witness = witness;
        _checkpoints = witness.Checkpoints.ToLookup(c => c.Sequence);
        _anchorSequence = anchorSequence;
        _anchorHash = anchorHash;
        _upToSequence = upToSequence;
        _expected = startSequence;
        _previousHash = startPreviousHash;
        _keyedFrom = witness.KeyedFrom;
    }

    public bool IsBroken => _broken is not null;
    public long RowsChecked { get; private set; }

    /// <summary>The first keyed row: pinned by the witness, else the first keyed row walked, else the row after the last.</summary>
    public long KeyedFrom => _keyedFrom ?? _expected;

    /// <summary>Checks the next rows; after the first broken row the rest are ignored.</summary>
    public void Add(IReadOnlyList<AuditEntry> rows)
    {
        for (var i = 0; i < rows.Count && _broken is null; i++)
        {
            var row = rows[i];
            var problem = Check(row);
            if (problem is not null)
            {
                _broken = new ChainVerificationResult(RowsChecked, false, row.Sequence, problem, _expected - 1, _previousHash);
                return;
            }
            _previousHash = row.Hash;
            _expected++;
            RowsChecked++;
        }
    }

    /// <summary>The result, once every row up to the end has been added.</summary>
    public ChainVerificationResult Finish()
    {
        if (_broken is not null)
        {
            return _broken;
        }
        var last = _expected - 1;
        var end = _upToSequence ?? long.MaxValue;
        ChainVerificationResult Cut(string problem) => new(RowsChecked, false, _expected, problem, last, _previousHash);
        if (_upToSequence is { } head && last < head)
        {
            return Cut($"The chain ends at row {last}, short of row {head} that it had reached when this check started: rows were removed from the end.");
        }
        // A checkpoint beyond the requested end says nothing about this walk.
        if (_witness.Checkpoints.Where(c => c.Sequence > last && c.Sequence <= end).MaxBy(c => c.Sequence) is { } beyond)
        {
            return Cut($"The chain ends at row {last}, but the witness holds a checkpoint of row {beyond.Sequence} signed {beyond.TimeUtc:yyyy-MM-dd HH:mm:ss} UTC: rows were removed from the end.");
        }
        if (_anchorSequence is { } anchor && last < Math.Min(anchor, end))
        {
            return Cut($"The chain ends at row {last}, but an earlier verification saw it reach row {anchor}: rows were removed from the end.");
        }
        return _witness.Problem is { } witnessProblem
            ? new ChainVerificationResult(RowsChecked, false, null, witnessProblem, last, _previousHash)
            : new ChainVerificationResult(RowsChecked, true, null, null, last, _previousHash);
    }

    private string? Check(AuditEntry row)
    {
        if (row.Sequence != _expected)
        {
            return $"Row {_expected} is missing: the chain jumps from row {_expected - 1} to row {row.Sequence}.";
        }
        if (row.PreviousHash != _previousHash)
        {
            return $"Row {row.Sequence} does not link to the row before it: rows were removed or reordered.";
        }
        if (SealProblem(row) is { } sealProblem)
        {
            return sealProblem;
        }
        foreach (var checkpoint in _checkpoints[row.Sequence])
        {
            if (checkpoint.Hash != row.Hash)
            {
                return $"Row {row.Sequence} differs from the checkpoint the witness holds for it (signed {checkpoint.TimeUtc:yyyy-MM-dd HH:mm:ss} UTC): the chain was rewritten.";
            }
        }
        return row.Sequence == _anchorSequence && row.Hash != _anchorHash
            ? $"Row {row.Sequence} differs from the head recorded by an earlier verification: the chain was rewritten."
            : null;
    }

    /// <summary>
    /// Rows before keying began carry the unkeyed hash; from the first keyed row on, every row must be keyed. Where
    /// keying began is pinned by the witness, so rows cannot be passed off as older, unkeyed ones.
    /// </summary>
    private string? SealProblem(AuditEntry row)
    {
        var mustBeKeyed = _keyedFrom is { } keyedFrom && row.Sequence >= keyedFrom;
        // Before the pinned boundary the plain hash is the one expected: try it first, and only it when it matches.
        if (_keyedFrom is not null && !mustBeKeyed && AuditHasher.Compute(row, row.PreviousHash) == row.Hash)
        {
            return null;
        }
        if (_key.Seal(row, row.PreviousHash) == row.Hash)
        {
            if (_keyedFrom is null)
            {
                _keyedFrom = row.Sequence;
            }
            return mustBeKeyed || _keyedFrom <= row.Sequence ? null
                : $"Row {row.Sequence} is sealed with the key, but the witness says keying began at row {_keyedFrom}.";
        }
        var unkeyed = AuditHasher.Compute(row, row.PreviousHash) == row.Hash;
        if (unkeyed && !mustBeKeyed)
        {
            return null;
        }
        if (unkeyed)
        {
            var pinned = _witness.KeyedFrom is not null ? " (pinned by the witness)" : "";
            return $"Row {row.Sequence} carries an unkeyed hash, but the chain is keyed from row {_keyedFrom}{pinned}: it was rewritten or forged by someone without the key.";
        }
        return $"Row {row.Sequence} was changed after it was written: its content no longer matches its hash.";
    }
}
