using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CrmGovernance.Core.Features.Systems.Connectors.Outbound;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CrmGovernance.Core.Features.Systems.Connectors.Rest;

/// <summary>
/// Sends one request through the resilient client (retries, timeouts and the system's circuit breaker live in its
/// handler) and turns what is left of a failure into <see cref="SystemUnavailableException"/>. A request the outbound
/// allowlist refuses, or a redirect (never followed: its target was not checked), is an <see cref="OutboundRefusedException"/>.
/// </summary>
internal sealed class RestTransport(HttpClient client, RestSettings settings)
{
    /// <summary>The HttpClient name registered in <see cref="ConnectorServices"/>.</summary>
    public const string HttpClientName = "CrmGovernance.Sync.Rest";

    /// <summary>Which system a request is for: the resilience pipeline (and so the circuit breaker) is chosen by it.</summary>
    public static readonly HttpRequestOptionsKey<string> SystemKey = new("CrmGovernance.Sync.SystemKey");

    public static string PipelineKey(HttpRequestMessage request) =>
        request.Options.TryGetValue(SystemKey, out var key) ? key : request.RequestUri?.Authority ?? "";

    public async Task<RestResponse> SendAsync(HttpMethod method, string url, byte[]? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Options.Set(SystemKey, settings.SystemKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (settings.Token is { } token)
        {
            if (settings.Auth == "bearer")
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(settings.ApiKeyHeader, token);
            }
        }
        if (json is not null)
        {
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            // Same content, same key: a retried request (ours, or a rerun of the same batch) cannot be applied twice.
            request.Headers.Add("Idempotency-Key", IdempotencyKey(method, url, json));
        }
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
            {
                throw new OutboundRefusedException($"The {settings.Describe} answered {method} {request.RequestUri?.AbsolutePath} with HTTP {status}, a redirect to " +
                    $"'{response.Headers.Location}'. The portal does not follow redirects: set 'baseUrl' to the address the API answers on.");
            }
            if (status is 401 or 403)
            {
                throw new SystemUnavailableException($"The {settings.Describe} refused the credentials (HTTP {status} for {method} {request.RequestUri?.AbsolutePath}).");
            }
            if (status is 408 or 429 or >= 500)
            {
                throw new SystemUnavailableException($"The {settings.Describe} still answered HTTP {status} after retries ({method} {request.RequestUri?.AbsolutePath}).");
            }
            return new RestResponse(status, body);
        }
        catch (OutboundRefusedException e)
        {
            throw new OutboundRefusedException($"The {settings.Describe} may not be called ({method} {request.RequestUri?.AbsolutePath}): {e.Message}", e);
        }
        catch (HttpRequestException e) when (OutboundRefusedException.Find(e) is { } refused)
        {
            throw new OutboundRefusedException($"The {settings.Describe} may not be called ({method} {request.RequestUri?.AbsolutePath}): {refused.Message}", e);
        }
        catch (BrokenCircuitException e)
        {
            throw new SystemUnavailableException($"The {settings.Describe} failed too often: calls are paused (circuit open).", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new SystemUnavailableException($"The {settings.Describe} did not answer in time ({method} {request.RequestUri?.AbsolutePath}).", e);
        }
        catch (HttpRequestException e)
        {
            throw new SystemUnavailableException($"The {settings.Describe} cannot be reached: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SystemUnavailableException($"The {settings.Describe} did not answer in time ({method} {request.RequestUri?.AbsolutePath}).", e);
        }
    }

    public static string IdempotencyKey(HttpMethod method, string url, byte[] json)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(method.Method + " " + url + "\n"));
        hash.AppendData(json);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
