using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>What the governance pages show: the published configuration, or how it looks inside a change request.</summary>
public sealed class GovernanceReader(PublishedConfiguration published, ChangeRequestService requests, ActorContext actor)
{
    public async Task<PublishedSnapshot> PublishedAsync(CancellationToken cancellationToken = default)
    {
        EnsureMayRead();
        return await published.CurrentAsync(cancellationToken);
    }

    /// <summary>The published configuration, or — with a change request — the configuration as that request would make it.</summary>
    public async Task<GovernanceConfiguration> ViewAsync(Guid? changeRequestId, CancellationToken cancellationToken = default)
    {
        EnsureMayRead();
        if (changeRequestId is { } id)
        {
            try
            {
                return await requests.DraftConfigurationAsync(id, cancellationToken);
            }
            catch (KeyNotFoundException)
            {
                // A link to a request that no longer exists shows the published configuration.
            }
        }
        return (await published.CurrentAsync(cancellationToken)).Configuration;
    }

    public async Task<PublishedSnapshot?> VersionAsync(int number, CancellationToken cancellationToken = default)
    {
        EnsureMayRead();
        return await published.VersionAsync(number, cancellationToken);
    }

    private void EnsureMayRead() => actor.Ensure(Capability.ReadConfiguration);
}
