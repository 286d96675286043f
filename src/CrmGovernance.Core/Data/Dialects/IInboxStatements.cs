namespace CrmGovernance.Core.Data.Dialects;

/// <summary>The inbound endpoint's group commit (Features/Sync/Inbound).</summary>
public interface IInboxStatements
{
    /// <summary>
    /// $system, $object, $idempotency, $payload, $received: returns the new item's id, or nothing when an item with the
    /// same system and idempotency key is already stored.
    /// </summary>
    SqlStatement Insert { get; }

    /// <summary>$system, $idempotency, $object, $payload: the stored item's id and whether its object and payload are the same (a boolean).</summary>
    SqlStatement FindEarlier { get; }
}
