namespace CrmGovernance.Core.Data.Dialects;

/// <summary>The error queue's writes (ErrorQueueItems), run only by Features/Sync/ErrorQueue/ErrorQueueWriter.</summary>
public interface IErrorQueueStatements
{
    /// <summary>An inbound payload that could not be read; returns the new item's id.</summary>
    SqlStatement InsertInbound { get; }

    /// <summary>Another attempt at a record already open in the queue (same flow and source id): one row changed, or none.</summary>
    SqlStatement RetryOpen { get; }

    /// <summary>A record a run rejected or failed, new to the queue.</summary>
    SqlStatement InsertOpen { get; }

    /// <summary>1 when the flow has any open item, else 0 (one probe before resolving a batch's records).</summary>
    SqlStatement AnyOpen { get; }

    /// <summary>A record that went through closes its open item.</summary>
    SqlStatement ResolveOpen { get; }
}
