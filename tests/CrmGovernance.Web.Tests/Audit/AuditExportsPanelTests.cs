using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Web.Features.Audit;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Audit;

/// <summary>The exports panel on a portal of its own (no demo, so the list holds only what a test puts there).</summary>
public sealed class AuditExportsPanelTests(QuietPortalFixture fixture) : IClassFixture<QuietPortalFixture>
{
    // OperationsPages acts as "id-<role>".
    private const string AuditorId = "id-" + Roles.Auditor;

    [Fact]
    public async Task Each_export_shows_what_can_be_done_with_it_and_a_running_one_is_followed_until_it_ends()
    {
        var seed = new AuditExportSeed(fixture.Host);
        await using var pages = new OperationsPages(fixture.Host, Roles.Auditor);
        var empty = pages.Context.Render<AuditExportsPanel>();
        empty.WaitForAssertion(() => Assert.Contains("No export yet", empty.Find("#exports-empty").TextContent, StringComparison.Ordinal));

        var failed = AuditExportSeed.Row(AuditorId, AuditExportStatus.Failed);
        failed.Error = "The export failed: disk full.";
        var running = AuditExportSeed.Row(AuditorId, AuditExportStatus.Running);
        (running.RowsWritten, running.RowsTotal) = (12_000, 48_000);
        var someoneElses = AuditExportSeed.Row("id-someone-else", AuditExportStatus.Completed);
        foreach (var export in new[] { failed, running, someoneElses })
        {
            await seed.AddAsync(export);
        }

        var panel = pages.Context.Render<AuditExportsPanel>();

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-export]").Count));
        Assert.Equal("The export failed: disk full.", panel.Find($"[data-export-error='{failed.Id}']").TextContent.Trim());
        Assert.Equal($"{12_000:N0} of {48_000:N0} audit rows written.", panel.Find($"[data-export-activity='{running.Id}']").TextContent.Trim());
        Assert.NotEmpty(panel.FindAll($"[data-cancel='{running.Id}']"));
        Assert.Empty(panel.FindAll("[data-download]"));

        await seed.UpdateAsync(running.Id, e => (e.Status, e.CompletedUtc, e.RowsWritten, e.FileBytes) = (AuditExportStatus.Completed, DateTime.UtcNow, 48_000, 2_500_000));

        // The panel polls while an export is active, so the finished one gets its download link without a reload.
        panel.WaitForAssertion(() => Assert.Equal($"audit/exports/{running.Id}/download", panel.Find($"[data-download='{running.Id}']").GetAttribute("href")),
            TimeSpan.FromSeconds(10));
        Assert.Empty(panel.FindAll("[data-cancel]"));
    }

    [Fact]
    public async Task The_exports_page_lists_the_users_exports_and_says_how_long_files_are_kept()
    {
        var seed = new AuditExportSeed(fixture.Host);
        // As an admin, so the auditor's panel in the other test keeps to its own rows whatever the order.
        var mine = AuditExportSeed.Row("id-" + Roles.Admin, AuditExportStatus.Completed);
        await seed.AddAsync(mine);
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin);

        var page = pages.Context.Render<AuditExportsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-export='{mine.Id}']")));
        Assert.Contains("downloaded for 7 days", page.Markup, StringComparison.Ordinal);
    }
}
