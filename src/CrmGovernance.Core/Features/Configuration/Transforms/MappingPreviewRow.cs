namespace CrmGovernance.Core.Features.Configuration.Transforms;

/// <summary>One target field of a live preview: the mapped value and everything wrong with it.</summary>
public sealed record MappingPreviewRow(Guid MappingId, string TargetField, string? Value, IReadOnlyList<string> Errors);
