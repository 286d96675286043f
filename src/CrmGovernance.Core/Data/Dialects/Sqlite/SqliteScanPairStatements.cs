namespace CrmGovernance.Core.Data.Dialects.Sqlite;

internal sealed class SqliteScanPairStatements : IScanPairStatements
{
    public SqlStatement Insert { get; } = new("""
        INSERT INTO DuplicateScanPairs (ScanId, LeftRecordId, RightRecordId, Score, Decision, Cluster)
        VALUES (@scan, @left, @right, @score, @decision, @cluster)
        """, "@scan", "@left", "@right", "@score", "@decision", "@cluster");
}
