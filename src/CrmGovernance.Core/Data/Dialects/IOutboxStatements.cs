namespace CrmGovernance.Core.Data.Dialects;

/// <summary>The operations event outbox (Core/Events), written inside a raw batch transaction such as a run's.</summary>
public interface IOutboxStatements
{
    /// <summary>One event: kind, payload JSON, when it happened, the writing process.</summary>
    SqlStatement Insert { get; }
}
