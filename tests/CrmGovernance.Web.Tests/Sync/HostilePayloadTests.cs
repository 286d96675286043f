using System.Collections.Concurrent;
using System.Net;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static CrmGovernance.Web.Tests.Sync.InboundPortal;

namespace CrmGovernance.Web.Tests.Sync;

public sealed class HostilePayloadTests(ITestOutputHelper output)
{
    private const int Count = 1000;

    [Fact]
    public async Task A_thousand_hostile_payloads_get_no_5xx_and_every_one_is_kept_in_the_inbox_or_the_error_queue()
    {
        using var host = new PortalHost(settings: new Dictionary<string, string>
        {
            // This test counts what the endpoint stored: no live demo website posting too, no worker rejecting inbox items into the error queue.
            ["Demo:Live"] = "false",
            ["Sync:Worker"] = "false",
            ["Inbound:PermitsPerSecond"] = "1000000",
            ["Inbound:Burst"] = "1000000",
        });
        var key = await IssueAsync(host, "hostile sender");
        using var client = host.NewClient();
        var before = await CountsAsync(host);
        var answers = new ConcurrentBag<(HostilePayload Payload, HttpStatusCode Status)>();

        await Parallel.ForEachAsync(HostilePayloads.Take(Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (payload, cancellationToken) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, payload.Path) { Content = Raw(payload.Body, payload.ContentType) };
            request.Headers.Add("X-Api-Key", key.Key);
            if (payload.IdempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", payload.IdempotencyKey);
            }
            using var response = await client.SendAsync(request, cancellationToken);
            answers.Add((payload, response.StatusCode));
        });

        var after = await CountsAsync(host);
        foreach (var group in answers.GroupBy(a => a.Status).OrderBy(g => g.Key))
        {
            output.WriteLine($"{(int)group.Key}: {group.Count()} ({string.Join(", ", group.Select(a => a.Payload.Label).Distinct().Order())})");
        }
        var wrong = answers.Where(a => (int)a.Status >= 500 || a.Status is not (HttpStatusCode.Accepted or HttpStatusCode.BadRequest
            or HttpStatusCode.NotFound or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType))
            .Select(a => $"{a.Payload.Label}: {(int)a.Status}").Distinct().ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(Count, answers.Count);
        var accepted = answers.Count(a => a.Status == HttpStatusCode.Accepted);
        Assert.Equal(accepted, after.Inbox - before.Inbox);
        Assert.Equal(Count - accepted, after.Errors - before.Errors);
        Assert.Equal(Count, after.Inbox - before.Inbox + after.Errors - before.Errors);

        // Spot checks: the odd but readable ones are accepted; the unreadable ones refused; a cut body says so.
        Assert.All(answers.Where(a => a.Payload.Label is "right-to-left override" or "emoji" or "escaped NUL" or "script" or "sql" or "BOM"),
            a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        Assert.All(answers.Where(a => a.Payload.Label is "lone high surrogate escape" or "invalid UTF-8 byte" or "raw NUL" or "nested 1000" or "array"),
            a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.All(answers.Where(a => a.Payload.Label.StartsWith("huge", StringComparison.Ordinal) || a.Payload.Label == "over the stored limit"),
            a => Assert.Equal(HttpStatusCode.RequestEntityTooLarge, a.Status));
        var cut = await QueryAsync(host, db => db.ErrorQueueItems.Where(e => e.Reason.Contains("Only the first")).Select(e => e.Payload.Length).ToListAsync());
        Assert.NotEmpty(cut);
        Assert.All(cut, length => Assert.True(length <= 4 * 1024 * 1024));
    }
}
