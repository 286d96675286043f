namespace CrmGovernance.Core.Data.Copy;

/// <summary>One table copied (or, while <see cref="Done"/> is false, being copied): rows so far, out of how many, how long.</summary>
public sealed record TableCopied(string Table, long Rows, long Total, TimeSpan Elapsed, bool Done)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}
