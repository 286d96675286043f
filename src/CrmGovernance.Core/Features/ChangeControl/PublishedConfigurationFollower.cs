using CrmGovernance.Core.Events;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>
/// Keeps this node's <see cref="PublishedConfiguration"/> current when a version is published on another node (ADR 0019):
/// the approving node replaces its cache at once; every other node reads the new version when the
/// <see cref="ConfigurationPublished"/> event reaches it through the outbox. A subscriber per node, so each node sees it.
/// </summary>
public sealed class PublishedConfigurationFollower(PublishedConfiguration published) : IOperationsEventSubscriber
{
    private static readonly IReadOnlySet<string> s_kinds = new HashSet<string>(StringComparer.Ordinal) { OperationsEventKinds.Of<ConfigurationPublished>() };

    public string Name { get; } = $"published-configuration@{Environment.MachineName}/{Environment.ProcessId}";

    public IReadOnlySet<string>? Kinds => s_kinds;

    public Task HandleAsync(OperationsEventEnvelope envelope, CancellationToken cancellationToken) =>
        envelope.Event is ConfigurationPublished e ? published.FollowAsync(e.Version, cancellationToken) : Task.CompletedTask;
}
