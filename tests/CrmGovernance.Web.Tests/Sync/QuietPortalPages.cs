namespace CrmGovernance.Web.Tests.Sync;

/// <summary>
/// The operations page tests that tolerate each other's rows share one quiet portal (fewer hosts starting at once);
/// the empty-queue test keeps a portal of its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class QuietPortalPages : ICollectionFixture<QuietPortalFixture>
{
    public const string Name = "Quiet portal";
}
