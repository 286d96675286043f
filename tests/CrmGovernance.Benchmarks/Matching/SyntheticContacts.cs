using System.Globalization;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// Generated contacts with their truth: <see cref="EntityOf"/> gives the person behind each record, by the record's
/// position. A record's id is "C" and its position in seven digits, so an id finds its truth without a lookup table.
/// </summary>
internal sealed class SyntheticContacts(MatchRecord[] records, int[] entityOf, IReadOnlyList<string> statistics)
{
    public IReadOnlyList<MatchRecord> Records => records;

    public IReadOnlyList<int> EntityOf => entityOf;

    /// <summary>What was generated, a line per figure.</summary>
    public IReadOnlyList<string> Statistics => statistics;

    public static string IdOf(int position) => string.Create(CultureInfo.InvariantCulture, $"C{position:D7}");

    public static int PositionOf(string id) => int.Parse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);

    public int EntityOfId(string id) => entityOf[PositionOf(id)];
}
