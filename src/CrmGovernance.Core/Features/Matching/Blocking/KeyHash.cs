namespace CrmGovernance.Core.Features.Matching.Blocking;

/// <summary>
/// 64-bit FNV-1a of a blocking key, so a million records' keys sort as numbers. 0 means "no key". A collision only
/// puts two blocks together (more pairs compared), never loses one.
/// </summary>
internal static class KeyHash
{
    public static long Of(string? key)
    {
        if (key is null)
        {
            return 0;
        }
        var hash = 14695981039346656037UL;
        foreach (var ch in key)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }
        // Final mix (from SplitMix64) so that similar keys spread over the whole range.
        hash ^= hash >> 31;
        hash *= 0x9E3779B97F4A7C15UL;
        hash ^= hash >> 29;
        var value = unchecked((long)hash);
        return value == 0 ? 1 : value;
    }
}
