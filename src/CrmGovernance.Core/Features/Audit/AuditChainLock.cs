namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Serialises appends to the hash chain within this process: reading the head and inserting the next rows
/// must not interleave, or two rows would claim the same predecessor.
/// </summary>
public sealed class AuditChainLock : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken))
        {
            throw new TimeoutException("Timed out waiting to append to the audit trail.");
        }
    }

    public void Wait()
    {
        if (!_gate.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("Timed out waiting to append to the audit trail.");
        }
    }

    public void Release() => _gate.Release();

    public void Dispose() => _gate.Dispose();
}
