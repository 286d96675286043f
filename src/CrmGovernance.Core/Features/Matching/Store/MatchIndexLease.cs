namespace CrmGovernance.Core.Features.Matching.Store;

/// <summary>Exclusive use of a cached <see cref="MatchIndex"/> until disposed.</summary>
public sealed class MatchIndexLease : IDisposable
{
    private SemaphoreSlim? _gate;

    internal MatchIndexLease(MatchIndex index, SemaphoreSlim gate) => (Index, _gate) = (index, gate);

    public MatchIndex Index { get; }

    public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
}
