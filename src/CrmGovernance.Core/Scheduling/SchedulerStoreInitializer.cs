using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Dialects.Sqlite;
using Microsoft.Extensions.Hosting;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// At start, before Quartz opens its store: the file is created owner-only, and WAL lets the scheduler's readers and its one
/// writer work side by side (the mode is stored in the file). Done here rather than while registering services.
/// </summary>
internal sealed class SchedulerStoreInitializer(SchedulerStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        OwnerOnly.CreateFolder(Path.GetDirectoryName(store.Path)!);
        OwnerOnly.CreateEmptyFile(store.Path);
        SqliteFiles.UseWriteAheadLog(store.ConnectionString);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
