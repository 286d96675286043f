namespace CrmGovernance.Core.Data.Copy;

/// <summary>A table's row count in the source and the target (after a copy they must be equal).</summary>
public sealed record TableRows(string Table, long Source, long Target)
{
    public bool Equal => Source == Target;
}
