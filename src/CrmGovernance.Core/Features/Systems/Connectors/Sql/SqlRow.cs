namespace CrmGovernance.Core.Features.Systems.Connectors.Sql;

/// <summary>
/// One row to write: its key and the values of <see cref="Columns"/> (real names, sorted, the key not among them).
/// <see cref="Partial"/>: only these columns of an existing row change (an UPDATE first, an insert only if it is missing).
/// </summary>
internal sealed record SqlRow(string Id, IReadOnlyList<string> Columns, string?[] Values, bool Partial = false)
{
    public string Shape => string.Join('\u001f', Columns);
}
