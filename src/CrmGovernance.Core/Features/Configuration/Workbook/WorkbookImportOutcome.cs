using CrmGovernance.Core.Features.Configuration.Versions;

namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>
/// What importing a mapping workbook did: the errors that stopped it (nothing was created), or the draft change
/// request holding the changed mappings and its diff, or neither when the workbook changes nothing.
/// </summary>
public sealed record WorkbookImportOutcome(IReadOnlyList<string> Errors, Guid? ChangeRequestId, IReadOnlyList<ItemDiff> Diff, string Message)
{
    public bool Succeeded => Errors.Count == 0;

    public static WorkbookImportOutcome Fail(IReadOnlyList<string> errors) =>
        new(errors, null, [], "The workbook was not imported; nothing was changed.");
}
