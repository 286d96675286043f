namespace CrmGovernance.Core.Data;

/// <summary>One page of a server-side paged list and the total number of matching rows.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);
