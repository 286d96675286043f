using System.Net;
using System.Text.Json;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun.Demo;
using CrmGovernance.Core.Features.Sync.Inbound;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Features.FirstRun;

/// <summary>
/// The simulated website's side of the inbound endpoint, used by <see cref="DemoWebsiteFeeder"/> and /demo/form: its API
/// key (issued once and kept in data/demo/website-key.txt, so restarts reuse it; a new one when this database never issued
/// the stored one) and form posts to the portal's own
/// endpoint over loopback HTTP, as a website's server would send them. The key never reaches a browser. Singleton.
/// </summary>
internal sealed partial class DemoWebsite(IServer server, IServiceScopeFactory scopes, DemoPaths paths, TimeProvider clock, ILogger<DemoWebsite> logger)
    : IDisposable
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private string? _key;

    public async Task<DemoPostResult> PostAsync(IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        if (key is null)
        {
            return new(null, 0, "The demo website has no API key: see the log.");
        }
        if (Address() is not { } address)
        {
            return new(null, 0, "The portal is not listening yet.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, DemoEnquiries.InboundPath)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Api-Key", key);
        using var response = await _http.SendAsync(request, cancellationToken);
        var body = Json(await response.Content.ReadAsStringAsync(cancellationToken));
        return response.StatusCode == HttpStatusCode.Accepted && body.TryGetProperty("id", out var id) && id.TryGetInt64(out var inboxId)
            ? new(inboxId, (int)response.StatusCode, null)
            : new(null, (int)response.StatusCode, body.TryGetProperty("detail", out var detail) ? detail.GetString() : response.ReasonPhrase);
    }

    public void Dispose()
    {
        _http.Dispose();
        _keyGate.Dispose();
    }

    private async Task<string?> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return _key;
        }
        await _keyGate.WaitAsync(cancellationToken);
        try
        {
            if (_key is null && File.Exists(paths.WebsiteKey)
                && (await File.ReadAllTextAsync(paths.WebsiteKey, cancellationToken)).Trim() is { Length: > 0 } stored
                && await WasIssuedHereAsync(stored, cancellationToken))
            {
                _key = stored;
            }
            _key ??= await IssueAsync(cancellationToken);
            return _key;
        }
        finally
        {
            _keyGate.Release();
        }
    }

    private async Task<bool> WasIssuedHereAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await DemoWebsiteKey.WasIssuedHereAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>(), key, cancellationToken);
    }

    private async Task<string?> IssueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // The demo plays the admin who gives the website its key; the audit trail shows it as "system:demo website".
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser(null, "system:demo website", [Roles.Admin], AuditSources.Worker);
        var name = $"Demo website (issued {clock.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)";
        var result = await scope.ServiceProvider.GetRequiredService<InboundKeyService>().IssueAsync("website", name, cancellationToken);
        if (!result.Succeeded)
        {
            LogNoKey(logger, string.Join(" ", result.Outcome.Errors));
            return null;
        }
        Directory.CreateDirectory(paths.Folder);
        await File.WriteAllTextAsync(paths.WebsiteKey, result.Issued!.Key + Environment.NewLine, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(paths.WebsiteKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        LogIssued(logger, result.Issued.Prefix, paths.WebsiteKey);
        return result.Issued.Key;
    }

    /// <summary>The answer's JSON object (202 and problem details are JSON); an empty object for anything else.</summary>
    private static JsonElement Json(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page, an empty body): no id and no detail.
        }
        return EmptyObject;
    }

    /// <summary>The portal's own address, on the loopback interface: http when it listens on http, a wildcard host read as 127.0.0.1.</summary>
    private Uri? Address()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }
        var uri = new UriBuilder(chosen.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
        if (uri.Host is "localhost" or "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }
        uri.Path = "/";
        return uri.Uri;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued the demo website's inbound key {Prefix}…, kept in {File}")]
    private static partial void LogIssued(ILogger logger, string prefix, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo website could not get an inbound key: {Errors}")]
    private static partial void LogNoKey(ILogger logger, string errors);
}
