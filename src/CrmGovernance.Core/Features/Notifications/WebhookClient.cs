using System.Diagnostics;
using System.Globalization;
using System.Text;
using CrmGovernance.Core.Features.Systems.Connectors.Outbound;
using CrmGovernance.Core.Hosting.Telemetry;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>
/// POSTs a signed webhook body. Only where the server's outbound allowlist (Connectors:Outbound) lets the portal connect,
/// checked on the URL and again on the resolved addresses; redirects are not followed.
/// </summary>
public sealed class WebhookClient(IHttpClientFactory clients, OutboundPolicy outbound, TimeProvider clock)
{
    public const string HttpClientName = "notification-webhooks";

    /// <summary>Why this URL may not be used; null when it may.</summary>
    public string? UrlProblem(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) ? "it is not an absolute http or https address."
            : outbound.UrlProblem(uri);

    /// <summary>Sends; throws with a readable message when the call fails or the receiver does not answer 2xx.</summary>
    public async Task PostAsync(string url, string secret, string body, CancellationToken cancellationToken)
    {
        if (UrlProblem(url) is { } problem)
        {
            throw new OutboundRefusedException("The portal may not send to this webhook: " + problem);
        }
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add(WebhookPayload.TimestampHeader, timestamp);
            request.Headers.Add(WebhookPayload.SignatureHeader, WebhookPayload.Signature(secret, timestamp, body));
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                outcome = "http_error";
                throw new HttpRequestException($"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            outcome = "delivered";
        }
        finally
        {
            CrmTelemetry.OutboundWebhookDuration.Record(CrmTelemetry.SecondsSince(started), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
