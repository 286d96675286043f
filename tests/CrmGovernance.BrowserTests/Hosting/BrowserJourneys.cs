namespace CrmGovernance.BrowserTests.Hosting;

/// <summary>All journeys share one portal and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserJourneys : ICollectionFixture<BrowserPortal>
{
    public const string Name = "browser";
}
