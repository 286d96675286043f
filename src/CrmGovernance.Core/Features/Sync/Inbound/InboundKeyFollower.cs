using CrmGovernance.Core.Events;

namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>
/// Re-reads this node's <see cref="InboundKeyCache"/> when a key is issued or revoked on any node (ADR 0019): a revoked key
/// stops working everywhere within the event's delivery, not after the cache's periodic refresh. A subscriber per node.
/// </summary>
public sealed class InboundKeyFollower(InboundKeyCache cache) : IOperationsEventSubscriber
{
    private static readonly IReadOnlySet<string> s_kinds = new HashSet<string>(StringComparer.Ordinal) { OperationsEventKinds.Of<InboundKeysChanged>() };

    public string Name { get; } = $"inbound-keys@{Environment.MachineName}/{Environment.ProcessId}";

    public IReadOnlySet<string>? Kinds => s_kinds;

    public Task HandleAsync(OperationsEventEnvelope envelope, CancellationToken cancellationToken) =>
        envelope.Event is InboundKeysChanged ? cache.ReloadAsync(cancellationToken) : Task.CompletedTask;
}
