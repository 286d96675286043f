namespace CrmGovernance.Core.Scheduling;

/// <summary>Quartz's SQLite job store file (Scheduler:DatabasePath).</summary>
public sealed record SchedulerStore(string Path)
{
    public string ConnectionString => $"Data Source={Path};Pooling=True;Default Timeout=5";
}
