using CrmGovernance.Core.Features.Systems.Connectors;
using static CrmGovernance.Core.Tests.Features.Systems.Connectors.Records;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors.Csv;

/// <summary>The "csv" connector on real files in the portal's data folder.</summary>
public sealed class CsvConnectorTests : IAsyncLifetime
{
    private readonly ConnectorTestHost _host = ConnectorTestHost.Start();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ISyncConnector Open(params (string Name, string Value)[] settings) =>
        _host.Open("files", "csv", settings.ToDictionary(s => s.Name, s => s.Value));

    [Fact]
    public async Task Reads_a_file_after_the_cursor_row_with_quoted_commas_quotes_and_line_breaks()
    {
        await File.WriteAllTextAsync(_host.PathOf("leads.csv"),
            "id,name,notes\r\n1,\"Smith, Ann\",plain\r\n\r\n2,Bob,\"said \"\"hi\"\"\r\nthen left\"\r\n3,Cy,\n");
        await using var connector = Open(("lead.file", "leads.csv"));

        var first = await connector.ReadChangesAsync("lead", null, 2, CancellationToken.None);
        var rest = await connector.ReadChangesAsync("lead", first.NextCursor, 10, CancellationToken.None);
        await File.AppendAllTextAsync(_host.PathOf("leads.csv"), "4,Dee,new\r\n");
        var appended = await connector.ReadChangesAsync("lead", rest.NextCursor, 10, CancellationToken.None);

        Assert.Equal(["1", "2"], first.Records.Select(r => r.Id));
        Assert.Equal("Smith, Ann", first.Records[0].Fields["name"]);
        Assert.Equal("said \"hi\"\r\nthen left", first.Records[1].Fields["notes"]);
        Assert.Equal(["3"], rest.Records.Select(r => r.Id));
        Assert.Equal("", rest.Records[0].Fields["notes"]);
        Assert.Equal(["4"], appended.Records.Select(r => r.Id));
        Assert.Equal("4", appended.NextCursor);
    }

    [Fact]
    public async Task Reads_a_drop_folder_in_file_name_order_and_carries_on_with_new_files_and_rows()
    {
        var folder = Directory.CreateDirectory(_host.PathOf("drop")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "2026-03-02.csv"), "email;name\nc@x.test;C\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "2026-03-01.csv"), "email;name\na@x.test;A\nb@x.test;B\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "not a csv");
        await using var connector = Open(("lead.folder", "drop"), ("delimiter", ";"), ("lead.key", "email"));

        var (records, pages, cursor) = await ReadAllAsync(connector, "lead", null, 2);
        await File.AppendAllTextAsync(Path.Combine(folder, "2026-03-02.csv"), "d@x.test;D\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "2026-03-03.csv"), "email;name\ne@x.test;E\n");
        var (later, _, _) = await ReadAllAsync(connector, "lead", cursor, 10);

        Assert.Equal(["a@x.test", "b@x.test", "c@x.test"], records.Select(r => r.Id));
        Assert.Equal([2, 1, 0], pages);
        Assert.Equal("B", records[1].Fields["name"]);
        Assert.Equal(["d@x.test", "e@x.test"], later.Select(r => r.Id));
    }

    [Fact]
    public async Task Rows_without_a_key_column_are_known_by_file_and_row()
    {
        Directory.CreateDirectory(_host.PathOf("forms"));
        await File.WriteAllTextAsync(_host.PathOf("forms/a.csv"), "email\nx@x.test\ny@x.test\n");
        await using var connector = Open(("lead.folder", "forms"));

        var page = await connector.ReadChangesAsync("lead", null, 10, CancellationToken.None);

        Assert.Equal(["a.csv:1", "a.csv:2"], page.Records.Select(r => r.Id));
    }

    [Fact]
    public async Task Upserts_into_a_target_file_by_id_keeping_other_rows_and_columns()
    {
        await using var connector = Open(("contact.file", "out/contacts.csv"));
        RecordWrite[] batch = [
            New("a", ("email", "a@x.test"), ("name", "Ann, \"the\" first\nof her name")),
            New("b", ("email", "b@x.test"), ("name", "=HYPERLINK(\"x\")")),
        ];

        await connector.WriteBatchAsync("contact", batch, CancellationToken.None);
        await connector.WriteBatchAsync("contact", batch, CancellationToken.None);
        var results = await connector.WriteBatchAsync("contact", [Update("b", ("name", "Bea")), New("c", ("email", "c@x.test"), ("phone", "+1 555"))], CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded));
        var text = await File.ReadAllTextAsync(_host.PathOf("out/contacts.csv"));
        Assert.StartsWith("id,email,name,phone\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a,a@x.test,\"Ann, \"\"the\"\" first\nof her name\",\r\n", text, StringComparison.Ordinal);
        Assert.Contains("b,b@x.test,Bea,\r\n", text, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_host.PathOf("out"), "*.tmp-*"));
        var byId = await connector.LookupAsync("contact", null, ["a", "b", "c", "zz"], CancellationToken.None);
        Assert.Equal(["a", "b", "c"], byId.Select(r => r.Id));
        Assert.Equal("Ann, \"the\" first\nof her name", byId[0].Fields["name"]);
        var byEmail = Assert.Single(await connector.LookupAsync("contact", "email", ["c@x.test"], CancellationToken.None));
        Assert.Equal("+1 555", byEmail.Fields["phone"]);
    }

    [Fact]
    public async Task Deletes_rows_by_id_keeping_the_others_and_a_row_already_gone_counts_as_deleted()
    {
        await File.WriteAllTextAsync(_host.PathOf("contacts.csv"), "id,email\r\na,a@x.test\r\nb,b@x.test\r\nc,c@x.test\r\n");
        await using var connector = Open(("contact.file", "contacts.csv"));

        var results = await connector.DeleteBatchAsync("contact", ["a", "c", "zz"], CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal("id,email\r\nb,b@x.test\r\n", await File.ReadAllTextAsync(_host.PathOf("contacts.csv")));
    }

    [Fact]
    public async Task Formula_like_cells_are_written_as_they_are()
    {
        await using var connector = Open(("contact.file", "formulas.csv"));

        await connector.WriteBatchAsync("contact", [New("f", ("name", "=1+1"), ("note", "@SUM(A1)"), ("minus", "-2"))], CancellationToken.None);

        Assert.Equal("id,name,note,minus\r\nf,=1+1,@SUM(A1),-2\r\n", await File.ReadAllTextAsync(_host.PathOf("formulas.csv")));
    }

    [Fact]
    public async Task A_drop_folder_is_no_target_and_csv_stores_no_activities()
    {
        await using var connector = Open(("lead.folder", "drop"));

        var write = await Assert.ThrowsAsync<InvalidOperationException>(() => connector.WriteBatchAsync("lead", [New("a")], CancellationToken.None));
        await Assert.ThrowsAsync<NotSupportedException>(() => connector.AppendActivitiesAsync([], CancellationToken.None));

        Assert.Contains("'lead.file'", write.Message, StringComparison.Ordinal);
    }
}
