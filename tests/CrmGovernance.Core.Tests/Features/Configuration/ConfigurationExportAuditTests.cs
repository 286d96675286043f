using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.ChangeControl.Import;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;
using static CrmGovernance.Core.Tests.Features.Configuration.Workbook.WorkbookFiles;

namespace CrmGovernance.Core.Tests.Features.Configuration;

/// <summary>Every export is an audit event: who took which configuration away, in which format.</summary>
public sealed class ConfigurationExportAuditTests
{
    [Fact]
    public async Task Exporting_a_mapping_workbook_records_who_exported_which_flow()
    {
        await using var scenario = await StartAsync();
        await using (var scope = scenario.Host.ScopeAs(Owner, Roles.BusinessOwner))
        {
            await Service(scope.ServiceProvider).ExportAsync(DemoConfiguration.WebFormFlow);
        }

        var row = await LastExportAsync(scenario);
        Assert.Equal((Owner, "Flow", DemoConfiguration.WebFormFlow.ToString("D")), (row.ActorName, row.EntityType, row.EntityId));
        Assert.Contains("\"format\":\"xlsx\"", row.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporting_yaml_records_who_exported_which_version()
    {
        await using var scenario = await StartAsync();
        await using (var scope = scenario.Host.ScopeAs(Owner, Roles.BusinessOwner))
        {
            var reader = new GovernanceReader(scope.ServiceProvider.GetRequiredService<PublishedConfiguration>(),
                scope.ServiceProvider.GetRequiredService<ChangeRequestService>(), scope.ServiceProvider.GetRequiredService<ActorContext>());
            var service = new ConfigurationImportService(scope.ServiceProvider.GetRequiredService<ChangeRequestService>(), reader,
                scope.ServiceProvider.GetRequiredService<IAuditTrail>(), scope.ServiceProvider.GetRequiredService<ActorContext>());
            await service.ExportAsync(null);
        }

        var row = await LastExportAsync(scenario);
        Assert.Equal((Owner, "ConfigurationVersion", "1"), (row.ActorName, row.EntityType, row.EntityId));
        Assert.Contains("\"format\":\"yaml\"", row.Changes, StringComparison.Ordinal);
    }

    private static async Task<AuditEntry> LastExportAsync(ChangeControlScenario scenario)
    {
        await using var scope = scenario.Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.ConfigurationExported).OrderByDescending(e => e.Sequence).FirstAsync();
    }
}
