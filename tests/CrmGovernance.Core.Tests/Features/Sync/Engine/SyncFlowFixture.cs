using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>A started <see cref="SyncTestHost"/> with the scenario's empty source and CRM databases, and shortcuts for the tests.</summary>
internal sealed class SyncFlowFixture : IAsyncDisposable
{
    private static readonly DateTime Start = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
    private int _clock;

    private SyncFlowFixture(SyncTestHost host) => Host = host;

    public SyncTestHost Host { get; }
    public string SourcePath => Host.PathOf("source.db");
    public string CrmPath => Host.PathOf("crm.db");

    public static async Task<SyncFlowFixture> StartAsync(GovernanceConfiguration configuration, IDictionary<string, string?>? settings = null)
    {
        var fixture = new SyncFlowFixture(await SyncTestHost.StartAsync(configuration, settings));
        await SqliteTables.CreatePeopleAsync(fixture.SourcePath);
        await SqliteTables.CreateCrmAsync(fixture.CrmPath);
        return fixture;
    }

    /// <summary>Adds or changes a person in the source; each call is a second later than the one before.</summary>
    public Task PersonAsync(string id, string? email, string? first = "Ann", string? last = "Lee", string? phone = null) =>
        SqliteTables.AddPersonAsync(SourcePath, id, email, first, last, phone, Start.AddSeconds(++_clock));

    public Task<SyncRun> RunAsync(bool dryRun = false) =>
        Host.Runner.RunAsync(new SyncRunRequest(SyncScenario.Flow, SyncTrigger.Manual, "tester", dryRun), ActorContext.System("tester"), CancellationToken.None);

    public Task<List<Dictionary<string, string?>>> ContactsAsync() => SqliteTables.RowsAsync(CrmPath, "contacts");

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
