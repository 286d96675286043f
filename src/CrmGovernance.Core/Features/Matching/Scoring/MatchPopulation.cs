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
/// <para>How many records name each word of a company name (<see cref="CompanyWordWeight"/>), as Splink and dedupe
/// learn term frequencies from the data being matched.</para>
/// </summary>
internal sealed class MatchPopulation
{
    public const long PriorRecords = 10_000;
    public const double MaxDown = 4;
    public const double MaxUp = 2;
    public const long MinRecords = 200;
    public const double MinWordWeight = 0.25;

    private readonly Table _first = new();
    private readonly Table _last = new();
    private readonly Dictionary<string, int> _companyWords = new(StringComparer.Ordinal);
    private long _wordRecords;

    public long Count { get; private set; }

    /// <summary>What to add to the rule's prior weight for this many records (0 up to <see cref="PriorRecords"/>).</summary>
    public double PriorAdjustment => Count <= PriorRecords ? 0 : -Math.Log2((double)Count / PriorRecords);

    /// <summary>Counts a record; its company words only when <paramref name="countCompanyWords"/> (a scan leaves identical copies out).</summary>
    public void Add(PreparedRecord record, bool countCompanyWords = true)
    {
        Count++;
        _first.Add(record.First?.Text);
        _last.Add(record.Last?.Text);
        if (countCompanyWords)
        {
            _wordRecords++;
            CountWords(record.Company, 1);
        }
    }

    public void Remove(PreparedRecord record)
    {
        Count--;
        _first.Remove(record.First?.Text);
        _last.Remove(record.Last?.Text);
        _wordRecords--;
        CountWords(record.Company, -1);
    }

    /// <summary>The distinct words of company names counted (the size of the term-frequency table).</summary>
    public int CompanyWordCount => _companyWords.Count;

    /// <summary>
    /// What agreeing on a word of a company name is worth: log2((n + 1) / (records naming it + 1)), at least
    /// <see cref="MinWordWeight"/>; 1 for every word while fewer than <see cref="MinRecords"/> records are known.
    /// </summary>
    public double CompanyWordWeight(string word)
    {
        if (_wordRecords < MinRecords)
        {
            return 1;
        }
        var named = _companyWords.GetValueOrDefault(word);
        return Math.Max(MinWordWeight, Math.Log2((_wordRecords + 1.0) / (named + 1.0)));
    }

    private void CountWords(CompanyName? company, int change)
    {
        if (company is null)
        {
            return;
        }
        for (var i = 0; i < company.Words.Length; i++)
        {
            var word = company.Words[i];
            if (Array.IndexOf(company.Words, word, 0, i) >= 0)
            {
                continue;
            }
            var count = _companyWords.GetValueOrDefault(word) + change;
            if (count <= 0)
            {
                _companyWords.Remove(word);
            }
            else
            {
                _companyWords[word] = count;
            }
        }
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
