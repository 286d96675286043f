using System.Text.Json.Serialization;

namespace CrmGovernance.Core.Events;

/// <summary>
/// A fact another feature may react to, written durably with the change that caused it (see <see cref="OperationsOutbox"/>)
/// and delivered to every <see cref="IOperationsEventSubscriber"/> at least once, in order. Its kind is the record's type
/// name, so renaming an event type is a breaking change for the rows already written.
/// </summary>
public abstract record OperationsEvent
{
    /// <summary>The stored kind: the type's name ("RunFinished").</summary>
    [JsonIgnore]
    public string Kind => GetType().Name;
}
