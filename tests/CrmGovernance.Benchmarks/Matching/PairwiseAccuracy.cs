namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// Pairwise precision, recall and F1 of predicted clusters against the truth, counted by cluster sizes and never by
/// listing pairs: a cluster of n records predicts n(n−1)/2 pairs, of which those inside one true entity are correct.
/// Records in no cluster are singletons and predict nothing.
/// </summary>
internal readonly record struct PairwiseAccuracy(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <param name="clusters">Record ids; each record in at most one cluster.</param>
    /// <param name="entityOf">The true entity of each record, by position.</param>
    /// <param name="positionOf">A record id's position.</param>
    /// <exception cref="InvalidOperationException">A record is in two clusters: the clusters are no partition to score.</exception>
    public static PairwiseAccuracy Of(IEnumerable<IReadOnlyList<string>> clusters, IReadOnlyList<int> entityOf, Func<string, int> positionOf)
    {
        var truePairs = 0L;
        var perEntity = new Dictionary<int, int>();
        foreach (var entity in entityOf)
        {
            perEntity[entity] = perEntity.GetValueOrDefault(entity) + 1;
        }
        foreach (var size in perEntity.Values)
        {
            truePairs += Pairs(size);
        }

        var clustered = new bool[entityOf.Count];
        long predicted = 0, correct = 0;
        foreach (var cluster in clusters)
        {
            // This cluster's records by true entity: the cells of the (cluster, entity) table.
            perEntity.Clear();
            foreach (var id in cluster)
            {
                var position = positionOf(id);
                if (clustered[position])
                {
                    throw new InvalidOperationException($"Record {id} is in two clusters.");
                }
                clustered[position] = true;
                perEntity[entityOf[position]] = perEntity.GetValueOrDefault(entityOf[position]) + 1;
            }
            predicted += Pairs(cluster.Count);
            foreach (var size in perEntity.Values)
            {
                correct += Pairs(size);
            }
        }
        return new PairwiseAccuracy(truePairs, predicted, correct);
    }

    private static long Pairs(long size) => size * (size - 1) / 2;
}
