namespace CrmGovernance.Core.Events;

/// <summary>
/// Wakes the dispatcher's loops when this process commits an event, so in-process events are delivered at once; events
/// from other processes are found by the loops' polling. Singleton.
/// </summary>
public sealed class OperationsEventSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Notify"/>. Take it before looking at the table, so a commit in between is not missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
