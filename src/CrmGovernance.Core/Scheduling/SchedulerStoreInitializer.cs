using CrmGovernance.Core.Data.Dialects.Sqlite;
using CrmGovernance.Core.Data;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// At start, before Quartz opens its store (the flow worker asks for the scheduler as soon as it starts): the file is
/// created owner-only, and WAL lets the scheduler's readers and its one writer work side by side (the mode is stored in the
/// file). A startup step, so it runs in the first hosted service rather than while registering services.
/// </summary>
internal sealed class SchedulerStoreInitializer(SchedulerStore store) : IStartupStep
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        OwnerOnly.CreateFolder(Path.GetDirectoryName(store.Path)!);
        OwnerOnly.CreateEmptyFile(store.Path);
        SqliteFiles.UseWriteAheadLog(store.ConnectionString);
        return Task.CompletedTask;
    }
}
