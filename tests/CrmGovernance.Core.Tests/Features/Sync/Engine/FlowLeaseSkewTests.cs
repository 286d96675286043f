using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Sync.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>The flow lease judged by a node whose clock disagrees with the holder's: the skew margin decides.</summary>
public sealed class FlowLeaseSkewTests : IAsyncLifetime
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);
    // A holder on another machine: its process cannot be looked up from here, so only its expiry frees the flow.
    private const string OtherNode = "other-machine:4242:0123456789abcdef0123456789abcdef";

    private readonly Guid _flow = Guid.NewGuid();
    private CoreTestHost _host = null!;
    private AsyncServiceScope _scope;
    private IDbContextFactory<CrmDbContext> _contexts = null!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync();
        _scope = _host.Scope();
        _contexts = _scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>();
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    private FlowLease OnThisNode() => new(_contexts, _host.Clock, Skew);

    [Fact]
    public async Task A_lease_held_on_another_node_is_not_taken_until_the_skew_margin_past_its_expiry_has_passed()
    {
        Assert.True((await OnThisNode().AcquireAsync(_flow, OtherNode, Duration, CancellationToken.None)).Acquired);

        // This node's clock reads past the holder's expiry, but by less than the margin: the holder's clock may be behind
        // and its run still going.
        _host.Clock.Advance(Duration + Skew - TimeSpan.FromSeconds(1));
        var early = await OnThisNode().AcquireAsync(_flow, FlowLease.NewHolder(), Duration, CancellationToken.None);
        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        var late = await OnThisNode().AcquireAsync(_flow, FlowLease.NewHolder(), Duration, CancellationToken.None);

        Assert.False(early.Acquired);
        Assert.True(late.Acquired);
    }

    [Fact]
    public async Task The_node_that_took_the_lease_over_holds_it_and_the_old_holder_cannot_release_it()
    {
        var taker = FlowLease.NewHolder();
        await OnThisNode().AcquireAsync(_flow, OtherNode, Duration, CancellationToken.None);
        _host.Clock.Advance(Duration + Skew + TimeSpan.FromSeconds(1));
        await OnThisNode().AcquireAsync(_flow, taker, Duration, CancellationToken.None);

        await OnThisNode().ReleaseAsync(_flow, OtherNode, CancellationToken.None);
        var third = await OnThisNode().AcquireAsync(_flow, FlowLease.NewHolder(), Duration, CancellationToken.None);

        Assert.False(third.Acquired);
        await using var db = await _contexts.CreateDbContextAsync();
        Assert.Equal(taker, await db.FlowCursors.Where(c => c.FlowId == _flow).Select(c => c.LeaseHolder).SingleAsync());
    }
}
