using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>
/// One intact, keyed chain of real audit rows (users, their roles, sign-in events by several actors), verified twice so
/// the witness holds two checkpoints, with two more rows after the last one. Tamper tests copy it.
/// </summary>
public sealed class TamperedChainFixture : IAsyncLifetime
{
    internal CoreTestHost Host { get; private set; } = null!;
    public long FirstCheckpoint { get; private set; }
    public long LastCheckpoint { get; private set; }
    public long Head { get; private set; }

    public async Task InitializeAsync()
    {
        Host = await CoreTestHost.StartAsync();
        await Host.CreateUserAsync("grace@example.com", Roles.Steward);
        await Host.CreateUserAsync("linus@example.com", Roles.Auditor, Roles.Manager);
        await RecordAsync(["ada", "grace@example.com", "linus@example.com", "ada"]);
        FirstCheckpoint = await VerifyAsync();
        await RecordAsync(["grace@example.com", "ada", "linus@example.com"]);
        LastCheckpoint = await VerifyAsync();
        await RecordAsync(["ada", "grace@example.com"]);
        Head = (await Host.AuditRowsAsync())[^1].Sequence;
    }

    internal TamperedCopy Copy() => TamperedCopy.Of(Host, Host.ChainKey);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private async Task RecordAsync(string[] actors)
    {
        foreach (var actor in actors)
        {
            Host.Clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromTicks(1_234_567));
            await using var scope = Host.ScopeAs(actor);
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>()
                .RecordAsync(AuditActions.SignIn, "User", "id-" + actor, new { from = "10.0.0." + actor.Length });
        }
    }

    private async Task<long> VerifyAsync()
    {
        await using var scope = Host.Scope();
        var verification = await scope.ServiceProvider.GetRequiredService<AuditVerificationService>().VerifyAndRecordAsync("fixture");
        return verification.IsIntact ? verification.HeadSequence : throw new InvalidOperationException(verification.Problem);
    }
}
