using System.Collections.Concurrent;

namespace CrmGovernance.Core.Features.Matching.Comparators;

/// <summary>Double Metaphone codes by value, computed once per distinct value: names and cities repeat a lot.</summary>
internal sealed class PhoneticCache
{
    /// <summary>Past this many entries new values are encoded without being kept, so a stream of unique values cannot grow it.</summary>
    private const int MaxEntries = 1_000_000;

    private readonly ConcurrentDictionary<string, (string, string)> _codes = new(StringComparer.Ordinal);
    private int _count;

    public (string Primary, string Alternate) Encode(string value)
    {
        if (_codes.TryGetValue(value, out var codes))
        {
            return codes;
        }
        codes = DoubleMetaphone.Encode(value);
        if (Volatile.Read(ref _count) < MaxEntries && _codes.TryAdd(value, codes))
        {
            Interlocked.Increment(ref _count);
        }
        return codes;
    }
}
