namespace CrmGovernance.Core.Data.Dialects;

/// <summary>A duplicate scan's pairs, hundreds of thousands at a time (Features/Matching/Scans/ScanPairWriter).</summary>
public interface IScanPairStatements
{
    /// <summary>@scan, @left, @right, @score, @decision, @cluster.</summary>
    SqlStatement Insert { get; }
}
