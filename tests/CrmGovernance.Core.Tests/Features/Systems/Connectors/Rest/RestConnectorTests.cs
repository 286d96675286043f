using CrmGovernance.Core.Features.Systems.Connectors;
using static CrmGovernance.Core.Tests.Features.Systems.Connectors.Records;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors.Rest;

/// <summary>The REST connector against a well-behaved API on real Kestrel.</summary>
public sealed class RestConnectorTests : IAsyncLifetime
{
    private FakeApi _api = null!;
    private readonly ConnectorTestHost _host = ConnectorTestHost.Start(FakeApi.AllowLoopback);

    public async Task InitializeAsync()
    {
        _api = await FakeApi.StartAsync();
        _api.RequiredToken = "s3cret";
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _host.DisposeAsync();
    }

    private ISyncConnector Open(params (string Name, string Value)[] extra)
    {
        var settings = new Dictionary<string, string> { ["baseUrl"] = _api.BaseUrl, ["auth"] = "apiKey", ["pageSize"] = "3" };
        foreach (var (name, value) in extra)
        {
            settings[name] = value;
        }
        return _host.Open("crm", "rest", settings, new Dictionary<string, string> { ["token"] = "s3cret" });
    }

    private static Dictionary<string, string?> Contact(string id, string updated, string? email = null) =>
        new() { ["id"] = id, ["updated_at"] = updated, ["email"] = email ?? id + "@example.test" };

    [Fact]
    public async Task Reads_pages_after_the_cursor_with_ties_broken_by_the_key()
    {
        _api.Seed(
            Contact("e", "2026-01-03T00:00:00Z"), Contact("a", "2026-01-01T00:00:00Z"), Contact("d", "2026-01-02T00:00:00Z"),
            Contact("b", "2026-01-02T00:00:00Z"), Contact("c", "2026-01-02T00:00:00Z"), Contact("f", "2026-01-02T00:00:00Z"),
            Contact("g", "2026-01-04T00:00:00Z"));
        await using var connector = Open();

        var (records, pages, cursor) = await ReadAllAsync(connector, "contact", null, 2);
        _api.Seed(Contact("c", "2026-01-05T00:00:00Z", "changed@example.test"));
        var changed = await connector.ReadChangesAsync("contact", cursor, 10, CancellationToken.None);

        Assert.Equal(["a", "b", "c", "d", "f", "e", "g"], records.Select(r => r.Id));
        Assert.Equal([2, 2, 2, 1, 0], pages);
        Assert.Equal("changed@example.test", Assert.Single(changed.Records).Fields["email"]);
    }

    [Fact]
    public async Task Lookup_by_id_and_by_field_returns_exact_matches_only()
    {
        _api.Seed(Contact("a", "2026-01-01T00:00:00Z", "ann@example.test"), Contact("b", "2026-01-01T00:00:00Z", "bob@example.test"));
        await using var connector = Open();

        var byId = await connector.LookupAsync("contact", null, ["a", "missing", "b/../a"], CancellationToken.None);
        var byEmail = await connector.LookupAsync("contact", "email", ["bob@example.test", "nobody@example.test"], CancellationToken.None);

        Assert.Equal(["a"], byId.Select(r => r.Id));
        Assert.Equal(["b"], byEmail.Select(r => r.Id));
    }

    [Fact]
    public async Task A_record_the_api_refuses_gets_its_error_and_the_others_are_written()
    {
        _api.Seed(Contact("old", "2026-01-01T00:00:00Z"));
        await using var connector = Open();

        var results = await connector.WriteBatchAsync("contact", [
            New("n1", ("email", "n1@example.test")),
            New("bad", ("email", "invalid")),
            Update("old", ("email", "renamed@example.test")),
            Update("gone", ("email", "gone@example.test")),
        ], CancellationToken.None);

        Assert.Equal([true, false, true, true], results.Select(r => r.Succeeded));
        Assert.Contains("HTTP 422", results[1].Error, StringComparison.Ordinal);
        Assert.Equal("renamed@example.test", _api.Contacts["old"]["email"]);
        Assert.Equal("2026-01-01T00:00:00Z", _api.Contacts["old"]["updated_at"]);
        Assert.True(_api.Contacts.ContainsKey("gone"), "A PATCH answered 404 is sent again as a POST.");
        Assert.False(_api.Contacts.ContainsKey("bad"));
    }

    [Fact]
    public async Task Batch_mode_posts_one_array_and_isolates_refused_records_when_the_batch_is_refused()
    {
        await using var connector = Open(("contact.batch", "true"));

        var good = await connector.WriteBatchAsync("contact", [New("a", ("email", "a@x.test")), New("b", ("email", "b@x.test"))], CancellationToken.None);
        var posts = _api.Log.Count(l => l.Method == "POST");
        var mixed = await connector.WriteBatchAsync("contact", [New("c", ("email", "c@x.test")), New("d", ("email", "invalid"))], CancellationToken.None);

        Assert.All(good, r => Assert.True(r.Succeeded));
        Assert.Equal(1, posts);
        Assert.Equal([true, false], mixed.Select(r => r.Succeeded));
        Assert.Equal(["a", "b", "c"], _api.Contacts.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Activities_are_posted_under_their_record_once()
    {
        await using var connector = Open();
        ActivityWrite[] activities = [new("act-1", "contact", "a", "form", new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), """{"form":"demo"}""")];

        var first = await connector.AppendActivitiesAsync(activities, CancellationToken.None);
        var again = await connector.AppendActivitiesAsync(activities, CancellationToken.None);

        Assert.True(first[0].Succeeded && again[0].Succeeded);
        Assert.Contains("\"form\":\"demo\"", Assert.Single(_api.Activities).Value, StringComparison.Ordinal);
        Assert.Contains(_api.Log, l => l.Path == "/contacts/a/activities");
    }

    [Fact]
    public async Task Deletes_records_by_id_and_a_record_already_gone_counts_as_deleted()
    {
        _api.Seed(Contact("a", "2026-01-01T00:00:00Z"), Contact("b", "2026-01-01T00:00:00Z"));
        await using var connector = Open();

        var results = await connector.DeleteBatchAsync("contact", ["a", "gone"], CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(["b"], _api.Contacts.Keys);
        Assert.Contains(_api.Log, l => l.Method == "DELETE" && l.Path == "/contacts/a");
    }

    [Fact]
    public async Task An_api_that_does_not_allow_delete_says_it_cannot_take_merges()
    {
        _api.Seed(Contact("a", "2026-01-01T00:00:00Z"));
        _api.Fault = (request, _, _) => request.Method == "DELETE" ? new Fault(405) : null;
        await using var connector = Open();

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => connector.DeleteBatchAsync("contact", ["a"], CancellationToken.None));

        Assert.Contains("cannot take merges", error.Message, StringComparison.Ordinal);
        Assert.Equal(["a"], _api.Contacts.Keys);
    }

    [Fact]
    public async Task Refused_credentials_make_the_system_unavailable_and_health_says_so()
    {
        await using var healthy = Open();
        await using var wrong = _host.Open("crm", "rest", new Dictionary<string, string> { ["baseUrl"] = _api.BaseUrl, ["auth"] = "bearer" },
            new Dictionary<string, string> { ["token"] = "wrong" });

        Assert.True((await healthy.CheckHealthAsync(CancellationToken.None)).Healthy);
        var error = await Assert.ThrowsAsync<SystemUnavailableException>(() => wrong.ReadChangesAsync("contact", null, 10, CancellationToken.None));
        Assert.Contains("HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.False((await wrong.CheckHealthAsync(CancellationToken.None)).Healthy);
    }

    [Fact]
    public void Missing_settings_are_named_when_the_connector_opens()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _host.Open("crm", "rest", new Dictionary<string, string> { ["auth"] = "bearer" }));
        var token = Assert.Throws<InvalidOperationException>(() => _host.Open("crm", "rest", new Dictionary<string, string> { ["baseUrl"] = "http://127.0.0.1:9", ["auth"] = "bearer" }));

        Assert.Contains("'baseUrl'", error.Message, StringComparison.Ordinal);
        Assert.Contains("secret 'token'", token.Message, StringComparison.Ordinal);
    }
}
