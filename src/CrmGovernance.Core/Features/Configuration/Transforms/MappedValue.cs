namespace CrmGovernance.Core.Features.Configuration.Transforms;

/// <summary>The result of running one mapping on one record.</summary>
public sealed record MappedValue(string TargetField, string? Value, IReadOnlyList<string> Errors);
