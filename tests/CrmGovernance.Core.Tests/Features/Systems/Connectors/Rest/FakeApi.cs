using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors.Rest;

/// <summary>
/// A contacts API on real Kestrel (127.0.0.1, a free port). It upserts by id, and honours Idempotency-Key: a repeated
/// key is answered from memory and counted as a duplicate, never applied again. <see cref="Fault"/> can fail requests.
/// </summary>
internal sealed class FakeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _answered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _calls;
    private int _failures;
    private int _duplicates;

    private FakeApi(WebApplication app) => _app = app;

    /// <summary>The server setting a host needs before its REST connectors may call an API on 127.0.0.1 (any port).</summary>
    public const string AllowLoopbackSetting = "Connectors:Outbound:AllowedHosts:0";

    public static Dictionary<string, string?> AllowLoopback => new() { [AllowLoopbackSetting] = "127.0.0.1" };

    public string BaseUrl { get; private set; } = "";
    public string? RequiredToken { get; set; }
    public ConcurrentDictionary<string, Dictionary<string, string?>> Contacts { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, string> Activities { get; } = new(StringComparer.Ordinal);
    /// <summary>Idempotency key → how many times its write was applied.</summary>
    public ConcurrentDictionary<string, int> Applied { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<(string Method, string Path, string? RecordId, string? Key, int Attempt, DateTime AtUtc)> Log { get; } = new();
    /// <summary>Decides a failure from the request, the record id in it (if any) and the attempt number of its Idempotency-Key.</summary>
    public Func<HttpRequest, string?, int, Fault?>? Fault { get; set; }
    public int Calls => _calls;
    public int Failures => _failures;
    public int Duplicates => Volatile.Read(ref _duplicates);

    public static async Task<FakeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new FakeApi(app);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return api;
    }

    public void Seed(params Dictionary<string, string?>[] contacts)
    {
        foreach (var contact in contacts)
        {
            Contacts[contact["id"]!] = contact;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _calls);
        var request = context.Request;
        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        var attempt = key is null ? 1 : _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (RequiredToken is not null && request.Headers.Authorization != "Bearer " + RequiredToken && request.Headers["X-Api-Key"] != RequiredToken)
        {
            context.Response.StatusCode = 401;
            return;
        }
        using var body = request.ContentLength > 0 || request.Method is not ("GET" or "DELETE") ? await JsonDocument.ParseAsync(request.Body) : null;
        var segments = (request.Path.Value ?? "").Trim('/').Split('/');
        var recordId = segments.Length > 1 ? segments[1] : body?.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        Log.Enqueue((request.Method, request.Path.Value ?? "", recordId, key, attempt, DateTime.UtcNow));
        if (Fault?.Invoke(request, recordId, attempt) is { } fault)
        {
            Interlocked.Increment(ref _failures);
            if (fault.ApplyFirst)
            {
                await AnswerAsync(context, segments, body, key, write: false);
                await Task.Delay(fault.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }
            if (fault.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (fault.Location is { } location)
            {
                context.Response.Headers.Location = location;
            }
            context.Response.StatusCode = fault.Status;
            return;
        }
        await AnswerAsync(context, segments, body, key, write: true);
    }

    private async Task AnswerAsync(HttpContext context, string[] segments, JsonDocument? body, string? key, bool write)
    {
        int code;
        object? answer = null;
        // Check, apply and remember under one lock, as a real API must: a retry racing a slow first attempt sees its answer.
        lock (_gate)
        {
            if (key is not null && _answered.TryGetValue(key, out code))
            {
                _duplicates++;
            }
            else
            {
                (code, answer) = FakeApiRoutes.Handle(this, context.Request, segments, body);
                if (key is not null && context.Request.Method != "GET")
                {
                    _answered[key] = code;
                    Applied.AddOrUpdate(key, 1, (_, n) => n + 1);
                }
            }
        }
        if (write)
        {
            context.Response.StatusCode = code;
            if (answer is not null)
            {
                await context.Response.WriteAsJsonAsync(answer);
            }
        }
    }
}

/// <summary>A failure the API answers with: a status (and Retry-After), or — ApplyFirst — the write applied, then no answer in time.</summary>
internal sealed record Fault(int Status, int? RetryAfterSeconds = null, bool ApplyFirst = false, TimeSpan Delay = default, string? Location = null);
