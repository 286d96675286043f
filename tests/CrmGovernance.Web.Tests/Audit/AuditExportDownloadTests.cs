using System.Net;
using ClosedXML.Excel;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit.Export.Jobs;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Audit;

/// <summary>Background exports on the real portal, downloaded over HTTP by signed-in users of each kind.</summary>
public sealed class AuditExportDownloadTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly DemoAccounts.Account Auditor = DemoAccounts.All.Single(a => a.Role == Roles.Auditor);
    private static readonly DemoAccounts.Account Admin = DemoAccounts.All.Single(a => a.Role == Roles.Admin);
    private static readonly DemoAccounts.Account Steward = DemoAccounts.All.Single(a => a.Role == Roles.Steward);

    private readonly PortalHost _host = fixture.Host;
    private readonly AuditExportSeed _seed = new(fixture.Host);

    [Fact]
    public async Task An_auditors_export_completes_and_the_download_is_a_workbook_with_a_cover_and_the_log()
    {
        var (id, export) = await CompletedExportOfTheAuditorAsync();
        using var client = await SignIn.AsAsync(_host, Auditor.Email, Auditor.Password);

        using var response = await client.GetAsync($"audit/exports/{id}/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(export.FileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(export.FileBytes, bytes.LongLength);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal("Cover", workbook.Worksheet(1).Name);
        var log = workbook.Worksheet("Log");
        Assert.Equal("Sequence", log.Cell(1, 1).GetString());
        Assert.True(log.LastRowUsed()!.RowNumber() > 1, "The log sheet has no rows.");
        Assert.Contains(export.HeadHash!, workbook.Worksheet("Cover").CellsUsed().Select(c => c.GetString()));
        Assert.True(export.ChainIntact);
        Assert.True(export.RowsWritten > 0 && export.RowsWritten == export.RowsTotal, $"{export.RowsWritten} of {export.RowsTotal}");
    }

    [Fact]
    public async Task Another_auditor_gets_not_found_for_the_export()
    {
        var (id, _) = await CompletedExportOfTheAuditorAsync();
        const string email = "second.auditor@example.com", password = "second auditor silver harbour";
        await PortalUsers.CreateAsync(_host, email, password, Roles.Auditor);
        using var client = await SignIn.AsAsync(_host, email, password);

        using var response = await client.GetAsync($"audit/exports/{id}/download");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_may_download_an_auditors_export()
    {
        var (id, export) = await CompletedExportOfTheAuditorAsync();
        using var client = await SignIn.AsAsync(_host, Admin.Email, Admin.Password);

        using var response = await client.GetAsync($"audit/exports/{id}/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(export.FileBytes, (await response.Content.ReadAsByteArrayAsync()).LongLength);
    }

    [Fact]
    public async Task A_steward_is_denied_the_download()
    {
        var (id, _) = await CompletedExportOfTheAuditorAsync();
        using var client = await SignIn.AsAsync(_host, Steward.Email, Steward.Password);

        using var response = await client.GetAsync($"audit/exports/{id}/download");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unfinished_export_is_not_found_even_for_the_requester()
    {
        var auditorId = await _seed.UserIdAsync(Auditor.Email);
        // Running, not Queued: the portal's export runner takes queued exports it finds when it starts, and could finish
        // this one before the request (a running one found at start is marked interrupted: unfinished either way).
        var running = AuditExportSeed.Row(auditorId, AuditExportStatus.Running);
        await _seed.AddAsync(running);
        using var client = await SignIn.AsAsync(_host, Auditor.Email, Auditor.Password);

        using var response = await client.GetAsync($"audit/exports/{running.Id}/download");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Someone_who_lost_the_auditor_role_after_asking_gets_a_failed_export_and_no_file()
    {
        const string email = "former.auditor@example.com";
        var userId = await PortalUsers.CreateAsync(_host, email, "former auditor granite willow", Roles.Steward);

        // The session still claims Auditor; the runner reads the roles the user holds now.
        var id = await _seed.RequestAsync(userId, email, Roles.Auditor);
        var export = await _seed.FinishedAsync(id);

        Assert.Equal(AuditExportStatus.Failed, export.Status);
        Assert.Contains("no longer allowed to export the audit log", export.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_seed.Files.PathOf(id)));
    }

    [Fact]
    public async Task A_file_past_its_retention_is_deleted_and_its_row_says_it_expired()
    {
        var (id, _) = await CompletedExportOfTheAuditorAsync();
        await _seed.UpdateAsync(id, e => e.CompletedUtc = DateTime.UtcNow.AddDays(-8));

        var deleted = await _host.Services.GetRequiredService<AuditExportRetention>().DeleteExpiredAsync(CancellationToken.None);

        Assert.True(deleted >= 1);
        var export = await _seed.GetAsync(id);
        Assert.Equal((AuditExportStatus.Completed, 0L), (export.Status, export.FileBytes));
        Assert.StartsWith("The file expired", export.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_seed.Files.PathOf(id)));
        using var client = await SignIn.AsAsync(_host, Auditor.Email, Auditor.Password);
        using var response = await client.GetAsync($"audit/exports/{id}/download");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Each_role_is_denied_the_download_or_answered_not_found_for_an_unknown_export()
    {
        var wrong = new List<string>();
        foreach (var account in DemoAccounts.All)
        {
            using var client = await SignIn.AsAsync(_host, account.Email, account.Password);
            using var response = await client.GetAsync($"audit/exports/{Guid.NewGuid()}/download");
            var mayRead = account.Role is Roles.Admin or Roles.Auditor;
            var ok = mayRead
                ? response.StatusCode == HttpStatusCode.NotFound
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal);
            if (!ok)
            {
                wrong.Add($"{account.Role}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private async Task<(Guid Id, AuditExport Export)> CompletedExportOfTheAuditorAsync()
    {
        var auditorId = await _seed.UserIdAsync(Auditor.Email);
        var id = await _seed.RequestAsync(auditorId, Auditor.Email, Roles.Auditor, new AuditLogFilter());
        var export = await _seed.FinishedAsync(id);
        Assert.True(export.Status == AuditExportStatus.Completed, $"{export.Status}: {export.Error}");
        return (id, export);
    }
}
