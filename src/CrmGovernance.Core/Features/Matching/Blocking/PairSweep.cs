using CrmGovernance.Core.Features.Matching.Scoring;

using CrmGovernance.Core.Features.Matching.Clustering;
namespace CrmGovernance.Core.Features.Matching.Blocking;

/// <summary>
/// Walks the candidate pairs of a key's blocks and scores them. A pair that an earlier key already brought together
/// is skipped by looking at the two records' earlier key hashes (and window positions), so no set of seen pairs is kept.
/// </summary>
internal sealed class PairSweep(MatchModel model, PreparedRecord[] records, long[] hashes, int[] positions, BlockingLimits limits,
    MatchPopulation population)
{
    private readonly int _count = records.Length;
    private readonly double _reviewWeight = MatchWeights.Of(model.Rule.ReviewThreshold);

    /// <summary>Scores the pairs of blocks [start, end) of key <paramref name="key"/>; adds those at or above review; returns pairs compared.</summary>
    public long Run(int key, KeyBlocks blocks, int start, int end, List<ScoredHit> hits)
    {
        long compared = 0;
        var members = blocks.Members;
        for (var b = start; b < end; b++)
        {
            var first = blocks.Starts[b];
            var size = blocks.SizeOf(b);
            var reach = size <= limits.MaxBlockSize ? size : limits.Window + 1;
            for (var x = 0; x < size; x++)
            {
                var last = Math.Min(size, x + reach);
                for (var y = x + 1; y < last; y++)
                {
                    var i = members[first + x];
                    var j = members[first + y];
                    if (SeenEarlier(key, i, j))
                    {
                        continue;
                    }
                    compared++;
                    var weight = model.Weight(records[i], records[j], population);
                    // The weight test is the cheap filter; the probability test is the one Decide uses.
                    if (weight >= _reviewWeight - 1e-9 && MatchModel.Probability(weight) >= model.Rule.ReviewThreshold)
                    {
                        hits.Add(i < j ? new ScoredHit(i, j, weight) : new ScoredHit(j, i, weight));
                    }
                }
            }
        }
        return compared;
    }

    /// <summary>Each copy scored against the record that stood for it in blocking (<see cref="IdenticalRecords"/>), by index into <paramref name="all"/>.</summary>
    public List<ScoredHit> Copies(PreparedRecord[] all, int[] representativeOf)
    {
        var hits = new List<ScoredHit>();
        for (var i = 0; i < all.Length; i++)
        {
            var representative = representativeOf[i];
            if (representative != i)
            {
                var weight = model.Weight(all[representative], all[i], population);
                if (weight >= _reviewWeight - 1e-9 && MatchModel.Probability(weight) >= model.Rule.ReviewThreshold)
                {
                    hits.Add(new ScoredHit(representative, i, weight));
                }
            }
        }
        return hits;
    }

    private bool SeenEarlier(int key, int i, int j)
    {
        for (var k = 0; k < key; k++)
        {
            var offset = (long)k * _count;
            var hash = hashes[offset + i];
            if (hash != 0 && hash == hashes[offset + j])
            {
                var position = positions[offset + i];
                if (position < 0 || Math.Abs(position - positions[offset + j]) <= limits.Window)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
