namespace CrmGovernance.Core.Features.Matching.Scoring;

/// <summary>
/// What scoring needs to know about the records being matched as a whole (a scan's records, an index's contents).
/// <para>How many there are: the rule's prior is the odds for a set of up to <see cref="PriorRecords"/> records; each
/// doubling beyond lowers it by one bit, as a random pair is that much less likely to be one person.</para>
/// <para>How common each first and last name is (term-frequency adjustment): two records agreeing on "Smith" say less
/// than two agreeing on "Kirkelell". The rule's exact-name weight stands for a name of average frequency (the chance
/// that two records share the name, Σf²); agreeing on a name of frequency f adds log2(Σf² / f), within
/// [−<see cref="MaxDown"/>, +<see cref="MaxUp"/>]. Below <see cref="MinRecords"/> names the counts are too thin and
/// nothing is adjusted.</para>
/// </summary>
internal sealed class MatchPopulation
{
    public const long PriorRecords = 10_000;
    public const double MaxDown = 4;
    public const double MaxUp = 2;
    public const long MinRecords = 200;

    private readonly Table _first = new();
    private readonly Table _last = new();

    public long Count { get; private set; }

    /// <summary>What to add to the rule's prior weight for this many records (0 up to <see cref="PriorRecords"/>).</summary>
    public double PriorAdjustment => Count <= PriorRecords ? 0 : -Math.Log2((double)Count / PriorRecords);

    public void Add(PreparedRecord record)
    {
        Count++;
        _first.Add(record.First?.Text);
        _last.Add(record.Last?.Text);
    }

    public void Remove(PreparedRecord record)
    {
        Count--;
        _first.Remove(record.First?.Text);
        _last.Remove(record.Last?.Text);
    }

    /// <summary>The weight to add when two records agree exactly on this first (or last) name.</summary>
    public double Adjustment(bool firstName, string name) => (firstName ? _first : _last).Adjustment(name);

    private sealed class Table
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private long _total;
        private double _sumOfSquares;

        public void Add(string? name)
        {
            if (name is null)
            {
                return;
            }
            var count = _counts.GetValueOrDefault(name);
            _counts[name] = count + 1;
            _total++;
            _sumOfSquares += 2.0 * count + 1;
        }

        public void Remove(string? name)
        {
            if (name is null || !_counts.TryGetValue(name, out var count))
            {
                return;
            }
            if (count == 1)
            {
                _counts.Remove(name);
            }
            else
            {
                _counts[name] = count - 1;
            }
            _total--;
            _sumOfSquares -= 2.0 * count - 1;
        }

        public double Adjustment(string name)
        {
            if (_total < MinRecords || !_counts.TryGetValue(name, out var count))
            {
                return 0;
            }
            // log2(u_avg / f) with u_avg = Σc² / T² and f = c / T.
            return Math.Clamp(Math.Log2(_sumOfSquares / ((double)_total * count)), -MaxDown, MaxUp);
        }
    }
}
