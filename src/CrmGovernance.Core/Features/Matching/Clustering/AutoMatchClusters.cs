namespace CrmGovernance.Core.Features.Matching.Clustering;

/// <summary>
/// Clusters of records joined by auto-match pairs, strongest links first. A link between two records that already
/// belong to clusters of two or more joins those clusters only when the pairs between them back it up: at least a
/// quarter of the cross pairs scored at or above the review threshold. One wrong link then cannot chain two people's
/// records together. A record may stand for identical copies of itself (<see cref="Blocking.IdenticalRecords"/>): it
/// then counts as that many records, and a pair scored with it as that many pairs. The clusters a scan reports are the
/// ones the accuracy tests evaluate.
/// </summary>
internal static class AutoMatchClusters
{
    /// <summary>Share of the cross pairs that must have reached review before two clusters of two or more are joined.</summary>
    public const double CrossSupport = 0.25;

    /// <summary>The clusters of two or more records (record indices ascending; clusters by their first index).</summary>
    /// <param name="count">Record count.</param>
    /// <param name="hits">Every pair at or above the review threshold.</param>
    /// <param name="isAutoMatch">Which of them are auto-matches.</param>
    /// <param name="copies">How many records each record stands for (null: one each).</param>
    /// <param name="crossSupport">The share of cross pairs that must back a join (<see cref="CrossSupport"/>; 0: every link joins).</param>
    public static List<int[]> Build(int count, IReadOnlyList<ScoredHit> hits, Func<ScoredHit, bool> isAutoMatch, int[]? copies = null,
        double crossSupport = CrossSupport)
    {
        long Size(List<int> cluster) => copies is null ? cluster.Count : cluster.Sum(i => (long)copies[i]);
        var neighbours = new Dictionary<int, List<int>>();
        foreach (var hit in hits)
        {
            Add(neighbours, hit.Left, hit.Right);
            Add(neighbours, hit.Right, hit.Left);
        }
        var sets = new UnionFind(count);
        var members = new Dictionary<int, List<int>>();
        var links = hits.Where(isAutoMatch).OrderByDescending(h => h.Weight).ThenBy(h => h.Left).ThenBy(h => h.Right);
        foreach (var link in links)
        {
            var a = sets.Find(link.Left);
            var b = sets.Find(link.Right);
            if (a == b)
            {
                continue;
            }
            var left = members.GetValueOrDefault(a) ?? [link.Left];
            var right = members.GetValueOrDefault(b) ?? [link.Right];
            var (leftSize, rightSize) = (Size(left), Size(right));
            if (crossSupport > 0 && leftSize > 1 && rightSize > 1 && !Supported(sets, neighbours, left, right, b, copies, crossSupport * leftSize * rightSize))
            {
                continue;
            }
            sets.Union(a, b);
            var root = sets.Find(a);
            members.Remove(a);
            members.Remove(b);
            var merged = left.Count >= right.Count ? left : right;
            merged.AddRange(ReferenceEquals(merged, left) ? right : left);
            members[root] = merged;
        }
        return [.. members.Values.Select(m => m.Order().ToArray()).OrderBy(c => c[0])];
    }

    private static bool Supported(UnionFind sets, Dictionary<int, List<int>> neighbours, List<int> left, List<int> right, int rightRoot,
        int[]? copies, double needed)
    {
        var (small, otherRoot) = left.Count <= right.Count ? (left, rightRoot) : (right, sets.Find(left[0]));
        long cross = 0;
        foreach (var record in small)
        {
            foreach (var other in neighbours[record])
            {
                if (sets.Find(other) == otherRoot)
                {
                    cross += copies is null ? 1 : (long)copies[record] * copies[other];
                }
            }
        }
        return cross >= needed;
    }

    private static void Add(Dictionary<int, List<int>> neighbours, int from, int to)
    {
        if (!neighbours.TryGetValue(from, out var list))
        {
            neighbours[from] = list = [];
        }
        list.Add(to);
    }
}
