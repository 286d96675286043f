using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Inbound;
using Microsoft.EntityFrameworkCore;
using static CrmGovernance.Web.Tests.Sync.InboundPortal;

namespace CrmGovernance.Web.Tests.Sync;

public sealed class InboundEndpointTests(InboundFixture fixture) : IClassFixture<InboundFixture>
{
    private readonly Hosting.PortalHost _host = fixture.Host;

    [Fact]
    public async Task A_json_body_is_accepted_and_stored_as_flat_text_fields()
    {
        var key = await IssueAsync(_host, "json sender");
        using var client = _host.NewClient();

        using var response = await PostAsync(client, key.Key, Json("""
            {"email":"ada@example.com","age":42,"score":1.50,"vip":true,"gone":null,"tags":["a","b"],"address":{"city":"Zürich"},"note":"👩‍💻 \u202Eok"}
            """));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var item = await QueryAsync(_host, db => db.InboxItems.SingleAsync(i => i.Id == id));
        Assert.Equal(("website", "contact"), (item.SystemKey, item.ObjectKey));
        var fields = JsonSerializer.Deserialize<Dictionary<string, string?>>(item.PayloadJson)!;
        Assert.Equal("ada@example.com", fields["email"]);
        Assert.Equal("42", fields["age"]);
        Assert.Equal("1.50", fields["score"]);
        Assert.Equal("true", fields["vip"]);
        Assert.Null(fields["gone"]);
        Assert.Equal("""["a","b"]""", fields["tags"]);
        Assert.Equal("""{"city":"Zürich"}""", fields["address"]);
        Assert.Equal("👩‍💻 \u202Eok", fields["note"]);
    }

    [Fact]
    public async Task A_form_encoded_body_is_accepted_and_stored_with_its_fields()
    {
        var key = await IssueAsync(_host, "form sender");
        using var client = _host.NewClient();

        using var response = await PostAsync(client, key.Key,
            Form(("email", "grace@example.com"), ("first_name", "Grâce Ö"), ("interest", "crm"), ("interest", "erp"), ("message", "a+b & c=d")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(
            await QueryAsync(_host, db => db.InboxItems.Where(i => i.Id == id).Select(i => i.PayloadJson).SingleAsync()))!;
        Assert.Equal("grace@example.com", fields["email"]);
        Assert.Equal("Grâce Ö", fields["first_name"]);
        Assert.Equal("crm,erp", fields["interest"]);
        Assert.Equal("a+b & c=d", fields["message"]);
    }

    [Fact]
    public async Task The_key_is_also_accepted_as_a_bearer_token_and_as_the_key_query_parameter()
    {
        var key = await IssueAsync(_host, "header-less sender");
        using var client = _host.NewClient();

        using var bearer = new HttpRequestMessage(HttpMethod.Post, Contacts) { Content = Json("""{"email":"b@example.com"}""") };
        using var byBearer = await client.SendAsync(WithBearer(bearer, key.Key));
        using var byQuery = await client.PostAsync($"{Contacts}?key={Uri.EscapeDataString(key.Key)}", Form(("email", "q@example.com")));

        Assert.Equal(HttpStatusCode.Accepted, byBearer.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, byQuery.StatusCode);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_stores_once_and_answers_with_the_original_id()
    {
        var key = await IssueAsync(_host, "retrying sender");
        using var client = _host.NewClient();
        var idempotencyKey = "order-" + Guid.NewGuid();

        using var first = await PostAsync(client, key.Key, Json("""{"email":"once@example.com"}"""), idempotencyKey: idempotencyKey);
        var before = await CountsAsync(_host);
        using var again = await PostAsync(client, key.Key, Json("""{"email":"once@example.com"}"""), idempotencyKey: idempotencyKey);
        var after = await CountsAsync(_host);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(firstId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        Assert.Equal(before, after);
        Assert.Equal(1, await QueryAsync(_host, db => db.InboxItems.CountAsync(i => i.IdempotencyKey == idempotencyKey)));
    }

    [Fact]
    public async Task An_idempotency_key_reused_with_a_different_body_is_422_and_the_new_payload_is_kept_in_the_error_queue()
    {
        var key = await IssueAsync(_host, "careless sender");
        using var client = _host.NewClient();
        var idempotencyKey = "order-" + Guid.NewGuid();

        using var first = await PostAsync(client, key.Key, Json("""{"email":"first@example.com"}"""), idempotencyKey: idempotencyKey);
        using var changed = await PostAsync(client, key.Key, Json("""{"email":"second@example.com"}"""), idempotencyKey: idempotencyKey);
        using var otherObject = await PostAsync(client, key.Key, Json("""{"email":"first@example.com"}"""), path: "api/inbound/website/company", idempotencyKey: idempotencyKey);
        using var same = await PostAsync(client, key.Key, Json("""{"email":"first@example.com"}"""), idempotencyKey: idempotencyKey);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        var problem = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("already used for a different payload", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var kept = await QueryAsync(_host, db => db.ErrorQueueItems.SingleAsync(e => e.Id == problem.GetProperty("errorQueueId").GetInt64()));
        Assert.Equal("""{"email":"second@example.com"}""", kept.Payload);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherObject.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, same.StatusCode);
        Assert.Equal(firstId, (await same.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        var stored = await QueryAsync(_host, db => db.InboxItems.Where(i => i.IdempotencyKey == idempotencyKey).Select(i => i.PayloadJson).ToListAsync());
        Assert.Equal(["""{"email":"first@example.com"}"""], stored);
    }

    [Fact]
    public async Task A_missing_wrong_or_other_systems_key_is_refused_with_401_and_nothing_is_stored()
    {
        var key = await IssueAsync(_host, "website only");
        using var client = _host.NewClient();
        var before = await CountsAsync(_host);

        using var none = await client.PostAsync(Contacts, Json("""{"email":"x@example.com"}"""));
        using var wrong = await PostAsync(client, "cgk_not-a-key", Json("""{"email":"x@example.com"}"""));
        using var otherSystem = await PostAsync(client, key.Key, Json("""{"email":"x@example.com"}"""), path: "api/inbound/crm/contact");

        foreach (var response in new[] { none, wrong, otherSystem })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        }
        Assert.Equal(before, await CountsAsync(_host));
    }

    [Fact]
    public async Task An_unknown_object_is_404_with_a_problem_that_says_so_and_is_kept_in_the_error_queue()
    {
        var key = await IssueAsync(_host, "wrong object sender");
        using var client = _host.NewClient();

        using var response = await PostAsync(client, key.Key, Json("""{"sku":"A-1"}"""), path: "api/inbound/website/widget");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("'widget' is not an object", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var errorId = problem.GetProperty("errorQueueId").GetInt64();
        var kept = await QueryAsync(_host, db => db.ErrorQueueItems.SingleAsync(e => e.Id == errorId));
        Assert.Equal((ErrorKind.Inbound, ErrorStatus.Open, "website", "widget"), (kept.Kind, kept.Status, kept.SystemKey, kept.ObjectKey));
        Assert.Equal("""{"sku":"A-1"}""", kept.Payload);
        Assert.StartsWith("application/json", kept.ContentType, StringComparison.Ordinal);
        Assert.Contains("widget", kept.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_body_is_refused_with_what_is_wrong_and_kept_as_sent()
    {
        var key = await IssueAsync(_host, "sloppy sender");
        using var client = _host.NewClient();

        using var broken = await PostAsync(client, key.Key, Json("""{"email": "a@b" """));
        using var array = await PostAsync(client, key.Key, Json("""[{"email":"a@b"}]"""));
        using var xml = await PostAsync(client, key.Key, Raw("<contact/>"u8.ToArray(), "application/xml"));
        using var binary = await PostAsync(client, key.Key, Raw([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D], "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("not valid JSON", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, array.StatusCode);
        Assert.Contains("an array", await array.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, binary.StatusCode);

        var brokenKept = await KeptAsync(broken);
        Assert.Equal("""{"email": "a@b" """, brokenKept.Payload);
        var binaryKept = await KeptAsync(binary);
        Assert.Equal(Convert.ToBase64String([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]), binaryKept.Payload);
        Assert.Contains("base64", binaryKept.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_kept()
    {
        var key = await IssueAsync(_host, "verbose sender");
        using var client = _host.NewClient();
        var body = "{\"note\":\"" + new string('x', 300_000) + "\"}";

        using var response = await PostAsync(client, key.Key, Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("262,144", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(body, (await KeptAsync(response)).Payload);
    }

    [Fact]
    public async Task Over_the_rate_limit_a_key_gets_429_with_retry_after_and_nothing_is_stored()
    {
        var key = await IssueAsync(_host, "flooding sender");
        using var client = _host.NewClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, InboundFixture.Burst * 2).Select(i =>
            PostAsync(client, key.Key, Json($$"""{"n":"{{i}}"}"""))));

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests, r.StatusCode.ToString()));
        Assert.True(limited[0].Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var problem = await limited[0].Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.InRange(accepted, 1, InboundFixture.Burst + InboundFixture.PermitsPerSecond * 3);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Stored_payloads_signal_their_system_and_object()
    {
        var key = await IssueAsync(_host, "signalling sender");
        using var client = _host.NewClient();
        var signal = _host.Services.GetRequiredService<InboxSignal>();
        var arrived = new TaskCompletionSource<(string, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnArrived(string system, string @object)
        {
            if (@object == "company")
            {
                arrived.TrySetResult((system, @object));
            }
        }
        signal.Arrived += OnArrived;
        try
        {
            using var response = await PostAsync(client, key.Key, Json("""{"name":"Acme"}"""), path: "api/inbound/website/company");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal(("website", "company"), await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            signal.Arrived -= OnArrived;
        }
    }

    private async Task<ErrorQueueItem> KeptAsync(HttpResponseMessage response)
    {
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorQueueId").GetInt64();
        return await QueryAsync(_host, db => db.ErrorQueueItems.SingleAsync(e => e.Id == id));
    }
}
