namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>
/// Serialises the decisions on change requests in this process: approving (publishing), rejecting, and the author taking a
/// request back, so an approval never races a rejection or a return to draft. The version number's primary key and the
/// request's UpdatedUtc check guard what one process cannot see.
/// </summary>
internal static class ChangeControlGate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<T> RunAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return await action();
        }
        finally
        {
            Gate.Release();
        }
    }
}
