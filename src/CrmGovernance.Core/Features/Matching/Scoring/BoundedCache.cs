using System.Collections.Concurrent;

namespace CrmGovernance.Core.Features.Matching.Scoring;

/// <summary>
/// Values computed once per distinct input and shared (names, cities, phonetic codes repeat across a million
/// records). Past <see cref="MaxEntries"/> entries new inputs are computed without being kept, so a stream of unique
/// values cannot grow it without end.
/// </summary>
internal sealed class BoundedCache<T>(Func<string, T> compute)
{
    public const int MaxEntries = 1_000_000;

    private readonly ConcurrentDictionary<string, T> _entries = new(StringComparer.Ordinal);
    private int _count;

    public T Get(string input)
    {
        if (_entries.TryGetValue(input, out var value))
        {
            return value;
        }
        value = compute(input);
        if (Volatile.Read(ref _count) < MaxEntries && _entries.TryAdd(input, value))
        {
            Interlocked.Increment(ref _count);
        }
        return value;
    }
}
