namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>One field of a target record before and after a run touched it (null: the field was absent or empty).</summary>
public sealed record FieldValueChange(string Field, string? Before, string? After)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}
