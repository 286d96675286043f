using System.Data.Common;

namespace CrmGovernance.Core.Data.Dialects;

/// <summary>
/// Many rows streamed into one table in the connection's current transaction, without a statement per row (PostgreSQL:
/// <c>COPY … FROM STDIN (FORMAT BINARY)</c>). Only for plain appends: no conflict handling, no triggers relied on.
/// </summary>
public interface IRowCopy
{
    /// <summary>Each row's values in the table's column order (the dialect's own; see the implementation).</summary>
    /// <returns>The rows written.</returns>
    Task<long> CopyAsync(DbConnection connection, IEnumerable<object?[]> rows, CancellationToken cancellationToken);
}
