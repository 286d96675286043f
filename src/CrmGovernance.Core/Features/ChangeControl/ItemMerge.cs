using System.Text.Json.Nodes;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>
/// Three-way merge of one item for rebase: the author's edits (base → mine) are replayed onto the current published
/// item (theirs), field by field. A field both sides changed differently is a conflict, never silently resolved.
/// Lists are compared whole.
/// </summary>
public static class ItemMerge
{
    public sealed record Result(string? Json, IReadOnlyList<string> Conflicts);

    public static Result ThreeWay(string? baseJson, string? mine, string? theirs)
    {
        if (mine == baseJson || theirs == mine)
        {
            return new Result(theirs, []);
        }
        if (theirs == baseJson)
        {
            return new Result(mine, []);
        }
        if (baseJson is null || mine is null || theirs is null)
        {
            var what = theirs is null ? "it was deleted" : baseJson is null ? "an item with the same id was added" : "it was changed";
            return new Result(mine, [mine is null ? "you delete it, but it was changed meanwhile" : $"{what} meanwhile"]);
        }
        var conflicts = new List<string>();
        var merged = Merge(JsonNode.Parse(baseJson), JsonNode.Parse(mine), JsonNode.Parse(theirs), "", conflicts);
        return new Result(merged?.ToJsonString(), conflicts);
    }

    private static JsonNode? Merge(JsonNode? b, JsonNode? m, JsonNode? t, string path, List<string> conflicts)
    {
        if (JsonNode.DeepEquals(m, b) || JsonNode.DeepEquals(m, t))
        {
            return t?.DeepClone();
        }
        if (JsonNode.DeepEquals(t, b))
        {
            return m?.DeepClone();
        }
        if (b is JsonObject bo && m is JsonObject mo && t is JsonObject to)
        {
            var result = new JsonObject();
            foreach (var key in mo.Select(p => p.Key).Union(to.Select(p => p.Key)).Union(bo.Select(p => p.Key)).Distinct(StringComparer.Ordinal))
            {
                var value = Merge(bo[key], mo[key], to[key], path.Length == 0 ? key : $"{path}.{key}", conflicts);
                if (mo.ContainsKey(key) || to.ContainsKey(key))
                {
                    result[key] = value;
                }
            }
            return result;
        }
        conflicts.Add($"{(path.Length == 0 ? "the item" : path)} was changed both here and meanwhile");
        return m?.DeepClone();
    }
}
