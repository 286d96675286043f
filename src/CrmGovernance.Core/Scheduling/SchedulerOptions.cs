using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Scheduling;

public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>SQLite file of Quartz's job store (relative paths are under the content root).</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/scheduler.db";

    /// <summary>Quartz cron of the audit-chain verification (default: every night at 02:00 UTC).</summary>
    [Required]
    public string AuditVerificationCron { get; set; } = "0 0 2 * * ?";

    /// <summary>Minutes between two incremental verifications (from the witness's latest checkpoint to the head), each followed by a new checkpoint.</summary>
    [Range(1, 1440)]
    public int AuditIncrementalVerifyMinutes { get; set; } = 5;
}
