using ClosedXML.Excel;

namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>The ranges of the Lists sheet the dropdowns read; no target fields when the target catalog is empty.</summary>
internal sealed record WorkbookLists(IXLRange? TargetFields, IXLRange Transforms);
