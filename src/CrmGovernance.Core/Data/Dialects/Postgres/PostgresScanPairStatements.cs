namespace CrmGovernance.Core.Data.Dialects.Postgres;

internal sealed class PostgresScanPairStatements : IScanPairStatements
{
    public SqlStatement Insert { get; } = new("""
        INSERT INTO "DuplicateScanPairs" ("ScanId", "LeftRecordId", "RightRecordId", "Score", "Decision", "Cluster")
        VALUES (@scan, @left, @right, @score, @decision, @cluster)
        """, "@scan", "@left", "@right", "@score", "@decision", "@cluster");
}
