namespace CrmGovernance.Core.Features.Sync.ErrorQueue;

/// <summary>
/// Filters of the error queue; null means "any". <see cref="Search"/> matches a source id that starts with it, or a
/// reason that contains it.
/// </summary>
public sealed record ErrorQueueFilter(ErrorStatus? Status = null, ErrorKind? Kind = null, Guid? FlowId = null, string? Search = null);
