namespace CrmGovernance.Core.Features.Systems.Connectors.Rest;

/// <summary>An answer the connector reads (2xx, or a 4xx about the request itself); the rest became <see cref="SystemUnavailableException"/>.</summary>
internal sealed record RestResponse(int Status, string Body)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public string Describe() => $"HTTP {Status}: " + (Body.Length > 300 ? Body[..300] + "…" : Body);
}
