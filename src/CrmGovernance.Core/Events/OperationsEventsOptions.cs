using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Events;

/// <summary>Section "OperationsEvents": how the portal delivers operations events (docs/operations.md, "Operations events").</summary>
public sealed class OperationsEventsOptions : IValidatableObject
{
    public const string Section = "OperationsEvents";

    /// <summary>How often the dispatcher looks for events written by other processes (crmgov); this process's own wake it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Events read per query.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>The pause after a subscriber's first failure; it doubles with each further failure, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Events older than this that every subscriber has handled are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PollInterval < TimeSpan.FromMilliseconds(50) || PollInterval > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult("OperationsEvents:PollInterval must be between 00:00:00.050 and 00:05:00.", [nameof(PollInterval)]);
        }
        if (RetryInitialDelay <= TimeSpan.Zero || RetryMaxDelay < RetryInitialDelay)
        {
            yield return new ValidationResult("OperationsEvents:RetryInitialDelay must be positive and RetryMaxDelay at least as long.", [nameof(RetryMaxDelay)]);
        }
        if (Retention < TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("OperationsEvents:Retention must be at least 01:00:00.", [nameof(Retention)]);
        }
    }
}
