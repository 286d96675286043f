using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors.Rest;

/// <summary>The fake API's contacts resource: list by updated_since (inclusive) and limit, get, create, patch, delete, activities.</summary>
internal static class FakeApiRoutes
{
    public static (int Status, object? Body) Handle(FakeApi api, HttpRequest request, string[] path, JsonDocument? body)
    {
        if (path[0] == "health")
        {
            return (200, new { status = "ok" });
        }
        var contacts = api.Contacts;
        switch (request.Method, path.Length)
        {
            case ("GET", 1):
                var since = request.Query["updated_since"].FirstOrDefault();
                var email = request.Query["email"].FirstOrDefault();
                var limit = int.Parse(request.Query["limit"].FirstOrDefault() ?? "100", System.Globalization.CultureInfo.InvariantCulture);
                return (200, contacts.Values
                    .Where(c => since is null || string.CompareOrdinal(c["updated_at"], since) >= 0)
                    .Where(c => email is null || c.GetValueOrDefault("email") == email)
                    .OrderBy(c => c["updated_at"], StringComparer.Ordinal).ThenBy(c => c["id"], StringComparer.Ordinal)
                    .Take(limit).ToList());
            case ("GET", 2):
                return contacts.TryGetValue(path[1], out var found) ? (200, found) : (404, null);
            case ("POST", 1) when body!.RootElement.ValueKind == JsonValueKind.Array:
                var all = body.RootElement.EnumerateArray().Select(Fields).ToList();
                if (all.Any(Invalid))
                {
                    return (422, new { error = "invalid email in the batch" });
                }
                all.ForEach(c => contacts.AddOrUpdate(c["id"]!, c, (_, old) => Merge(old, c)));
                return (200, null);
            case ("POST", 1):
                var created = Fields(body!.RootElement);
                return Invalid(created) ? (422, new { error = "invalid email" })
                    : contacts.TryAdd(created["id"]!, created) ? (201, created) : (409, new { error = "exists" });
            case ("PATCH", 2):
                var changes = Fields(body!.RootElement);
                if (Invalid(changes))
                {
                    return (422, new { error = "invalid email" });
                }
                return contacts.TryGetValue(path[1], out var existing) ? (200, contacts[path[1]] = Merge(existing, changes)) : (404, null);
            case ("DELETE", 2):
                return contacts.TryRemove(path[1], out _) ? (204, null) : (404, null);
            case ("POST", 3) when path[2] == "activities":
                var activityId = body!.RootElement.GetProperty("id").GetString()!;
                return api.Activities.TryAdd(activityId, body.RootElement.GetRawText()) ? (201, null) : (409, null);
            default:
                return (404, null);
        }
    }

    private static bool Invalid(Dictionary<string, string?> fields) => fields.GetValueOrDefault("email") == "invalid";

    private static Dictionary<string, string?> Fields(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString(), StringComparer.Ordinal);

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> old, Dictionary<string, string?> changes)
    {
        var merged = new Dictionary<string, string?>(old, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            merged[name] = value;
        }
        return merged;
    }
}
