namespace CrmGovernance.Core.Features.Configuration.Versions;

/// <summary>One leaf value that differs, by its path inside the item (e.g. "transforms[1].args.format").</summary>
public sealed record FieldChange(string Path, string? Old, string? New);
