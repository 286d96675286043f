namespace CrmGovernance.Core.Data.Copy;

/// <summary>The target already holds portal data (rows besides what the migrations insert) and was not to be overwritten.</summary>
public sealed class TargetNotEmptyException(IReadOnlyList<TableRows> used)
    : Exception("The target database already holds portal data in " + string.Join(", ", used.Select(u => $"{u.Table} ({u.Target:N0} rows)")) + ".")
{
    /// <summary>The tables with data, and how many rows each holds (<see cref="TableRows.Target"/>).</summary>
    public IReadOnlyList<TableRows> Used { get; } = used;
}
