using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Web.Features.Audit;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Audit;

/// <summary>The chain status card on a portal of its own, following the chain's operations events instead of polling.</summary>
public sealed class ChainStatusCardTests(QuietPortalFixture fixture) : IClassFixture<QuietPortalFixture>
{
    [Fact]
    public async Task A_verification_recorded_elsewhere_shows_on_an_open_card_without_a_reload()
    {
        // The portal verifies incrementally as soon as it starts (and then every few minutes): let that one be recorded
        // first, or it may land after the verification below and be the latest the card rightly shows.
        await StartupVerificationAsync();
        await using var pages = new OperationsPages(fixture.Host, Roles.Auditor);
        var card = pages.Context.Render<ChainStatusCard>();
        card.WaitForAssertion(() => Assert.NotNull(card.Find("#verify-now")));

        // The nightly job, or another auditor's "Verify now", in the portal's scheduler: not through this card.
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditVerificationService>().VerifyAndRecordAsync("verified by the test elsewhere");
        }

        card.WaitForAssertion(() =>
        {
            Assert.NotNull(card.Find("[data-chain=intact]"));
            Assert.Contains("(verified by the test elsewhere)", card.Find("#chain-status").TextContent, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30));
    }

    private async Task StartupVerificationAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            await using var scope = fixture.Host.Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<AuditVerificationService>().LatestAsync() is not null)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "The portal's startup verification was not recorded within a minute.");
            await Task.Delay(100);
        }
    }
}
