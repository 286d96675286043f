using CrmGovernance.Benchmarks.Matching;

namespace CrmGovernance.Benchmarks.Quality;

/// <summary>
/// The person behind one row of the assessed contacts table, drawn once per row so that its columns agree with each
/// other (the email and the website from the name and the employer, the postcode from the town). Reused row after row.
/// </summary>
internal sealed class ContactRow
{
    private readonly Dictionary<string, string> _surnames = new(StringComparer.Ordinal);

    public int Index { get; private set; }
    public string First { get; private set; } = "";
    public string Last { get; private set; } = "";
    public Town Town { get; private set; } = Places.Towns[0];

    /// <summary>A word the employer's name and domain are built from, e.g. "ashford".</summary>
    public string Employer { get; private set; } = "";

    /// <summary>The row's id in the table, e.g. "C-0000042".</summary>
    public string Id => "C-" + Index.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    public void Next(Random random, int index)
    {
        Index = index;
        First = FirstNames.All[Weights.ZipfIndex(random, FirstNames.All.Length, 10, FirstTotal)];
        Last = Surnames.Pick(random, _surnames);
        Town = Places.Towns[Weights.Pick(random, Places.TownWeights, Places.TownTotal)];
        Employer = Surnames.Pick(random, _surnames).ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
    }

    private static readonly double FirstTotal = Weights.Harmonic(FirstNames.All.Length, offset: 10);
}
