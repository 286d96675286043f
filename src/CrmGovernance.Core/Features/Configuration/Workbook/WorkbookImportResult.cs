using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>
/// A flow's mappings as an imported workbook describes them (new rows carry fresh ids; published mappings missing
/// from the sheet are deletions), the configuration version it was exported from, and what is wrong with it.
/// </summary>
public sealed record WorkbookImportResult(IReadOnlyList<FieldMapping> Mappings, int? Version, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static WorkbookImportResult Fail(params string[] errors) => new([], null, errors);
}
