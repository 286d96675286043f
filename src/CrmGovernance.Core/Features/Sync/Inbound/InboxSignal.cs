namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>Raised after inbox items are stored, so event-driven flows reading that system and object run within seconds. Singleton.</summary>
public sealed class InboxSignal
{
    public event Action<string, string>? Arrived;

    public void Notify(string systemKey, string objectKey) => Arrived?.Invoke(systemKey, objectKey);
}
