using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors;

/// <summary>Short ways to write the records and writes the connector tests use.</summary>
internal static class Records
{
    public static RecordWrite New(string id, params (string Name, string? Value)[] fields) =>
        new(id, fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal), IsNew: true);

    public static RecordWrite Update(string id, params (string Name, string? Value)[] fields) =>
        new(id, fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal), IsNew: false);

    /// <summary>Reads every change after <paramref name="cursor"/> in pages of <paramref name="max"/>; returns the pages' sizes too.</summary>
    public static async Task<(List<ConnectorRecord> Records, List<int> Pages, string? Cursor)> ReadAllAsync(ISyncConnector connector, string objectKey, string? cursor, int max)
    {
        var records = new List<ConnectorRecord>();
        var pages = new List<int>();
        while (true)
        {
            var page = await connector.ReadChangesAsync(objectKey, cursor, max, CancellationToken.None);
            pages.Add(page.Records.Count);
            records.AddRange(page.Records);
            if (page.Records.Count == 0)
            {
                Assert.Equal(cursor, page.NextCursor);
                return (records, pages, cursor);
            }
            cursor = page.NextCursor;
        }
    }
}
