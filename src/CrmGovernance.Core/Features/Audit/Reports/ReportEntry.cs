namespace CrmGovernance.Core.Features.Audit.Reports;

/// <summary>A step of a request's review (submitted, approved, …) or one of its comments: what, who, when, and the text.</summary>
internal sealed record ReportEntry(string What, string By, DateTime AtUtc, string? Text);
