namespace CrmGovernance.Core.Features.Matching.Blocking;

/// <summary>
/// How far blocking may go. A block of up to <see cref="MaxBlockSize"/> records compares every pair; a larger one
/// ("smith", a common birthday) is sorted by the records' values and each record compared with the next
/// <see cref="Window"/> only. When the planned pairs of all keys would pass <see cref="MaxPairsPerRecord"/> × the
/// record count, both limits are halved until they fit.
/// </summary>
public sealed record BlockingLimits(int MaxBlockSize = 32, int Window = 8, int MaxPairsPerRecord = 50)
{
    public static BlockingLimits Default { get; } = new();

    /// <summary>Pairs a block of this size gives under these limits.</summary>
    public long PairsOf(long size) =>
        size <= 1 ? 0
        : size <= MaxBlockSize ? size * (size - 1) / 2
        : Window * size - (long)Window * (Window + 1) / 2;

    /// <summary>Half the limits (each at least 1, a block of 2 always compared): the next step when a plan is over budget.</summary>
    public BlockingLimits Tighter() => this with { MaxBlockSize = Math.Max(2, MaxBlockSize / 2), Window = Math.Max(1, Window / 2) };

    public bool IsTightest => MaxBlockSize <= 2 && Window <= 1;
}
