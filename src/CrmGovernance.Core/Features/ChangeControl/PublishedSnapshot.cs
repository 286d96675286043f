using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>A published configuration version as the worker and the pages read it. Version 0: nothing published yet.</summary>
public sealed record PublishedSnapshot(int Version, string Hash, DateTime PublishedUtc, GovernanceConfiguration Configuration)
{
    public static readonly PublishedSnapshot None = new(0, "", DateTime.MinValue, GovernanceConfiguration.Empty);
}
