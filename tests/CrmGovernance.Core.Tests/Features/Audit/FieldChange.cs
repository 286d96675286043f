using System.Text.Json;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>One element of an audit row's <c>Changes</c> array.</summary>
internal sealed record FieldChange(string Field, string? Old, string? New)
{
    private static readonly JsonSerializerOptions s_options = new() { PropertyNameCaseInsensitive = true };

    public static Dictionary<string, FieldChange> Parse(string changes) =>
        JsonSerializer.Deserialize<List<FieldChange>>(changes, s_options)!.ToDictionary(c => c.Field);
}
