namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>One record that shows a finding: its id in the system, the value, and what is wrong with it.</summary>
public sealed record ValueExample(string RecordId, string? Value, string Problem);
