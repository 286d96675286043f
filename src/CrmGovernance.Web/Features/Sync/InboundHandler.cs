using System.Globalization;
using System.Threading.Channels;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Inbound;
using CrmGovernance.Core.Features.Systems.Connectors.Webhook;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Features.Sync;

/// <summary>
/// POST /api/inbound/{systemKey}/{object}. A caller without a valid key for that system gets 401 and nothing is kept.
/// From an authenticated caller, every request is kept: a readable payload in the inbox (202, after the commit), anything
/// else (unknown object, too large, unreadable, an Idempotency-Key already used for another payload) in the error queue
/// with the raw body and the reason (404, 413, 415, 400, 422).
/// </summary>
internal sealed class InboundHandler(
    InboundKeyCache keys, PublishedConfiguration published, InboxWriter writer, IOptions<InboundOptions> settings, TimeProvider clock,
    ILogger<InboundHandler> logger)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 200;
    private const int MaxReasonLength = 4000;
    private readonly InboundOptions _options = settings.Value;

    public async Task<IResult> HandleAsync(HttpContext http, string systemKey, string objectKey)
    {
        var hash = PresentedKey.HashOf(http);
        var key = hash is null ? null : await keys.FindAsync(hash);
        if (key is null || !string.Equals(key.SystemKey, systemKey, StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated",
                detail: hash is null
                    ? $"No API key. Send the key of system '{Clip(systemKey)}' in the {PresentedKey.Header} header, as \"Authorization: Bearer <key>\", or as ?{PresentedKey.QueryParameter}=<key>."
                    : $"The API key is not valid for system '{Clip(systemKey)}': it is unknown, revoked, or issued for another system. Nothing was stored.");
        }

        var snapshot = await published.CurrentAsync();
        var system = WebhookSystems.Find(snapshot.Configuration, systemKey);
        var businessObject = system is null ? null : snapshot.Configuration.Objects.Find(o => string.Equals(o.Key, objectKey, StringComparison.OrdinalIgnoreCase));
        var target = new Target(system?.Key ?? systemKey, businessObject?.Key ?? objectKey, http.Request.ContentType);

        using var body = await InboundBody.ReadAsync(http.Request, _options.MaxStoredBytes, http.RequestAborted);
        if (system is null)
        {
            return await RefuseAsync(target, body, StatusCodes.Status404NotFound, "Unknown system",
                $"'{Clip(systemKey)}' is not a webhook system of the published configuration (version {snapshot.Version}).");
        }
        if (businessObject is null)
        {
            return await RefuseAsync(target, body, StatusCodes.Status404NotFound, "Unknown object",
                $"'{Clip(objectKey)}' is not an object of the published configuration (version {snapshot.Version}). Objects: {ObjectKeys(snapshot.Configuration)}.");
        }
        if (body.ReadError is { } readError)
        {
            return await RefuseAsync(target, body, body.ReadErrorStatus, "Unreadable body", readError);
        }
        if (body.Truncated || body.Length > _options.MaxBodyBytes)
        {
            return await RefuseAsync(target, body, StatusCodes.Status413PayloadTooLarge, "Body too large", string.Create(CultureInfo.InvariantCulture,
                $"The body ({(http.Request.ContentLength ?? body.Length):N0}{(body.Truncated && http.Request.ContentLength is null ? "+" : "")} bytes) is larger than the limit of {_options.MaxBodyBytes:N0} bytes (Inbound:MaxBodyBytes)."));
        }
        var idempotencyKey = http.Request.Headers[IdempotencyHeader].ToString().Trim();
        if (idempotencyKey.Length > MaxIdempotencyKeyLength)
        {
            return await RefuseAsync(target, body, StatusCodes.Status400BadRequest, "Invalid Idempotency-Key",
                $"The {IdempotencyHeader} header is longer than {MaxIdempotencyKeyLength} characters.");
        }
        var parsed = InboundPayloadParser.Parse(body.Memory, http.Request.ContentType);
        if (!parsed.Succeeded)
        {
            return await RefuseAsync(target, body, parsed.StatusCode,
                parsed.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Unsupported content type" : "Unreadable body", parsed.Error!);
        }

        try
        {
            var accepted = await writer.AcceptAsync(new InboxItem
            {
                SystemKey = target.SystemKey,
                ObjectKey = target.ObjectKey,
                IdempotencyKey = idempotencyKey.Length == 0 ? null : idempotencyKey,
                PayloadJson = parsed.Json!,
                ReceivedUtc = clock.GetUtcNow().UtcDateTime,
            });
            if (!accepted.DifferentPayload)
            {
                return Results.Json(new InboundAccepted(accepted.Id), statusCode: StatusCodes.Status202Accepted);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return NotStored(ex);
        }
        // As Stripe does: a retry must repeat its request; a new payload under a used key is an error, never dropped silently.
        return await RefuseAsync(target, body, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused", string.Create(CultureInfo.InvariantCulture,
            $"The {IdempotencyHeader} '{Clip(idempotencyKey)}' was already used for a different payload (or object) of system '{target.SystemKey}'. A retry must send the same request; send a new payload with a new key."));
    }

    /// <summary>Keeps the request in the error queue, then answers with the problem and the error-queue id.</summary>
    private async Task<IResult> RefuseAsync(Target target, InboundBody body, int status, string title, string reason)
    {
        var (payload, base64) = body.ToStoredText();
        var kept = reason;
        if (body.Truncated)
        {
            kept += string.Create(CultureInfo.InvariantCulture, $" Only the first {body.Length:N0} bytes of the body are kept (Inbound:MaxStoredBytes).");
        }
        if (base64)
        {
            kept += " The body is not valid UTF-8 text (or holds NUL characters): it is kept as base64.";
        }
        long id;
        try
        {
            id = await writer.StoreErrorAsync(new ErrorQueueItem
            {
                Kind = ErrorKind.Inbound,
                SystemKey = Clip(target.SystemKey, 100),
                ObjectKey = Clip(target.ObjectKey, 100),
                Reason = Clip(kept, MaxReasonLength),
                Payload = payload,
                ContentType = target.ContentType is null ? null : Clip(target.ContentType, 200),
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return NotStored(ex);
        }
        return Results.Problem(statusCode: status, title: title, detail: reason + " The request is kept in the error queue.",
            extensions: new Dictionary<string, object?> { ["errorQueueId"] = id });
    }

    private IResult NotStored(Exception ex)
    {
        // The database is unavailable or the application is stopping: a server condition, never the caller's input.
        if (ex is not ChannelClosedException)
        {
            logger.LogError(ex, "An inbound request could not be stored");
        }
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not stored",
            detail: "The request could not be stored right now and was not accepted. Send it again in a few seconds.");
    }

    private static string ObjectKeys(GovernanceConfiguration configuration) =>
        string.Join(", ", configuration.Objects.Select(o => o.Key).Order(StringComparer.Ordinal));

    private static string Clip(string text, int max = 100) => InboundPayloadParser.Clip(text, max);

    private sealed record Target(string SystemKey, string ObjectKey, string? ContentType);
}
