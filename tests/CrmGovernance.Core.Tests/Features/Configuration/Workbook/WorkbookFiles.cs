using ClosedXML.Excel;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl.Import;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Workbook;
using CrmGovernance.Core.Features.FirstRun;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Configuration.Workbook;

/// <summary>Opens and edits exported workbooks as a user would in a spreadsheet, and builds the workbook service.</summary>
internal static class WorkbookFiles
{
    public static GovernanceConfiguration Demo() => DemoConfiguration.Build("owner@example.com", "steward@example.com");

    public static DataFlow WebForm(GovernanceConfiguration c) => c.FindFlow(DemoConfiguration.WebFormFlow)!;

    public static XLWorkbook Open(byte[] file) => new(new MemoryStream(file));

    /// <summary>Opens the file, applies the edit, and saves it again.</summary>
    public static byte[] Edit(byte[] file, Action<IXLWorksheet> editMappings)
    {
        using var workbook = Open(file);
        editMappings(workbook.Worksheet("Mappings"));
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        return saved.ToArray();
    }

    /// <summary>The row (its number) of the mapping writing <paramref name="target"/>.</summary>
    public static int RowOf(IXLWorksheet sheet, string target) =>
        sheet.Column(4).CellsUsed(c => c.GetString() == target).Single().Address.RowNumber;

    public static WorkbookImportResult Read(byte[] file, GovernanceConfiguration c, DataFlow flow) =>
        MappingWorkbookImport.Read(new MemoryStream(file), c, flow);

    /// <summary>The service as the Core wires it (the test host does not register it).</summary>
    public static MappingWorkbookService Service(IServiceProvider services)
    {
        var requests = services.GetRequiredService<ChangeRequestService>();
        var reader = new GovernanceReader(services.GetRequiredService<PublishedConfiguration>(), requests, services.GetRequiredService<ActorContext>());
        return new MappingWorkbookService(requests, reader, services.GetRequiredService<IAuditTrail>(), services.GetRequiredService<ActorContext>());
    }
}
