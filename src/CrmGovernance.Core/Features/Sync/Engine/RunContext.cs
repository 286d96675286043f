using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>A prepared run: its row, plan, lease and (for a replay) the queued records it re-processes. Disposing releases the flow.</summary>
internal sealed class RunContext(AsyncServiceScope scope, SyncRun run, FlowPlan plan, string holder, Action release) : IAsyncDisposable
{
    public AsyncServiceScope Scope { get; } = scope;
    public SyncRun Run { get; } = run;
    public FlowPlan Plan { get; } = plan;
    public string Holder { get; } = holder;
    public string? Cursor { get; init; }
    public IReadOnlyList<ErrorQueueItem>? Replay { get; init; }

    public T Get<T>() where T : notnull => Scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        release();
        await Scope.DisposeAsync();
    }
}
