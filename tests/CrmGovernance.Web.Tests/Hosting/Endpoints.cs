using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>The app's own endpoint list, read from its routing metadata.</summary>
public static class Endpoints
{
    public static IReadOnlyList<RouteEndpoint> Routable(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticAsset(e))
            .ToList();

    public static bool IsPage(RouteEndpoint e) =>
        e.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata");

    public static string Pattern(RouteEndpoint e) => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');

    public static IReadOnlyList<string> Methods(RouteEndpoint e) =>
        e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToList() is { Count: > 0 } m ? m : ["*"];

    /// <summary>A concrete URL for a route pattern: parameters get sample values ("/flows/{Id:guid}" → "/flows/&lt;new guid&gt;").</summary>
    public static string SampleUrl(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}:]+(:(?<type>[a-z]+))?\}", m => m.Groups["type"].Value switch
        {
            "guid" => Guid.NewGuid().ToString(),
            "int" or "long" => "1",
            _ => "sample",
        }).TrimStart('/');

    private static bool IsStaticAsset(RouteEndpoint e) =>
        e.Metadata.Any(m => m.GetType().FullName?.Contains("StaticAsset", StringComparison.Ordinal) == true);
}
