using System.Collections.Frozen;
using System.Text.Json;

namespace CrmGovernance.Core.Events;

/// <summary>The event types this build knows, by kind, and their JSON form in the outbox.</summary>
public static class OperationsEventKinds
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly FrozenDictionary<string, Type> Known = typeof(OperationsEvent).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(OperationsEvent)))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The kind stored for <typeparamref name="T"/>, for <see cref="IOperationsEventSubscriber.Kinds"/>.</summary>
    public static string Of<T>() where T : OperationsEvent => typeof(T).Name;

    internal static string Serialize(OperationsEvent e) => JsonSerializer.Serialize(e, e.GetType(), Json);

    /// <summary>The stored row as an event; null for a kind this build does not know (written by a newer version) or a payload it cannot read.</summary>
    internal static OperationsEventEnvelope? Read(OutboxEvent row)
    {
        if (!Known.TryGetValue(row.Kind, out var type))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(row.PayloadJson, type, Json) is OperationsEvent e ? new OperationsEventEnvelope(row.Sequence, row.OccurredUtc, row.Origin, e) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
