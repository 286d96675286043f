namespace CrmGovernance.Core.Features.Systems.Connectors.Rest;

/// <summary>A REST system's settings, read and checked when the connector opens.</summary>
internal sealed class RestSettings
{
    private readonly ConnectorSettings _settings;

    private RestSettings(ConnectorSettings settings)
    {
        _settings = settings;
        var baseUrl = settings.Required("baseUrl");
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"The setting 'baseUrl' of the {settings.Describe} must be an absolute http(s) URL, not '{baseUrl}'.");
        }
        BaseUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        UpdatedSinceParameter = settings.Get("updatedSinceParameter", "updated_since");
        PageSize = settings.Int("pageSize", 100, 1, 10_000);
        Concurrency = settings.Int("concurrency", 4, 1, 64);
        ApiKeyHeader = settings.Get("apiKeyHeader", "X-Api-Key");
        HealthPath = settings.Get("healthPath");
        Auth = settings.Get("auth", "none").ToLowerInvariant();
        Token = Auth switch
        {
            "none" => null,
            "bearer" or "apikey" => settings.RequiredSecret("token"),
            _ => throw new InvalidOperationException($"The setting 'auth' of the {settings.Describe} must be bearer, apiKey or none, not '{Auth}'."),
        };
    }

    public string SystemKey => _settings.SystemKey;
    public string Describe => _settings.Describe;
    public string BaseUrl { get; }
    public string UpdatedSinceParameter { get; }
    public int PageSize { get; }
    public int Concurrency { get; }
    public string Auth { get; }
    public string ApiKeyHeader { get; }
    public string? Token { get; }
    public string? HealthPath { get; }

    /// <summary>The first object path configured, alphabetically by setting name (the health check's fallback).</summary>
    public string? FirstObjectPath => _settings.All.FirstOrDefault(s => s.Key.EndsWith(".path", StringComparison.Ordinal)).Value;

    public static RestSettings From(ConnectorSettings settings) => new(settings);

    public RestObject Object(string objectKey) => new(
        _settings.ForObject(objectKey, "path", "/" + objectKey + "s"),
        _settings.ForObject(objectKey, "key", "id"),
        _settings.ForObject(objectKey, "updated", "updated_at"),
        _settings.ForObject(objectKey, "created"),
        _settings.Bool(objectKey + ".batch"));

    public string Url(string path, params (string Name, string Value)[] query)
    {
        var url = BaseUrl + "/" + path.TrimStart('/');
        for (var i = 0; i < query.Length; i++)
        {
            url += (i == 0 && !url.Contains('?', StringComparison.Ordinal) ? "?" : "&")
                + Uri.EscapeDataString(query[i].Name) + "=" + Uri.EscapeDataString(query[i].Value);
        }
        return url;
    }
}

/// <summary>Where an object lives in the API and which of its JSON fields are the id, the updated-at and the created-at.</summary>
internal sealed record RestObject(string Path, string Key, string Updated, string? Created, bool Batch)
{
    public string RecordPath(string id) => Path.TrimEnd('/') + "/" + Uri.EscapeDataString(id);
}
