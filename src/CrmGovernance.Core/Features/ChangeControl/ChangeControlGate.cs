using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Dialects;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>
/// Serialises the decisions on change requests: approving (publishing), rejecting, and the author taking a request back,
/// so an approval never races a rejection or a return to draft, and two approvals never number the same version. In this
/// process first, then across every process on the database (<see cref="DatabaseLock.ChangeControl"/>, ADR 0019). The
/// version number's primary key and the request's UpdatedUtc check stay as the last line.
/// </summary>
internal static class ChangeControlGate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static Task<T> RunAsync<T>(IDbContextFactory<CrmDbContext> contexts, Func<Task<T>> action, CancellationToken cancellationToken) =>
        DatabaseGate.RunAsync(contexts, Gate, DatabaseLock.ChangeControl, action, cancellationToken);
}
