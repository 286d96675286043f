using System.Net;
using ClosedXML.Excel;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Web.Tests.Users;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Insights;

/// <summary>The dashboard's workbook downloaded over HTTP by signed-in people of each kind.</summary>
public sealed class InsightsExportDownloadTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private readonly PortalHost _host = fixture.Host;

    [Fact]
    public async Task A_manager_downloads_the_dashboard_as_a_workbook_named_for_its_period()
    {
        var manager = DemoAccounts.All.Single(a => a.Role == Roles.Manager);
        using var client = await SignIn.AsAsync(_host, manager.Email, manager.Password);

        using var response = await client.GetAsync("insights/export.xlsx?from=2020-02-03&to=2020-02-09");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("insights-2020-02-03-to-2020-02-09.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["About", "Figures", "Trend", "Flows", "Rejection reasons", "Duplicates", "Versions"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(7, workbook.Worksheet("Trend").RowsUsed().Count() - 1);
    }

    [Fact]
    public async Task A_business_owner_is_refused_another_owners_object_and_a_steward_the_download()
    {
        var owner = DemoAccounts.All.Single(a => a.Role == Roles.BusinessOwner);
        var steward = DemoAccounts.All.Single(a => a.Role == Roles.Steward);
        using var ownerClient = await SignIn.AsAsync(_host, owner.Email, owner.Password);
        using var stewardClient = await SignIn.AsAsync(_host, steward.Email, steward.Password);

        using var other = await ownerClient.GetAsync($"insights/export.xlsx?object={Guid.NewGuid()}");
        using var bad = await ownerClient.GetAsync("insights/export.xlsx?from=2020-02-09&to=2020-02-03");
        using var refused = await stewardClient.GetAsync("insights/export.xlsx");

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEqual(XlsxType, refused.Content.Headers.ContentType?.MediaType);
    }
}
