using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Scheduling;

public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>SQLite file of Quartz's job store (relative paths are under the content root); unused on PostgreSQL.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/scheduler.db";

    /// <summary>On PostgreSQL: the schema of Quartz's tables in the portal database (created at start when missing).</summary>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = "Scheduler:PostgresSchema must be a lower-case PostgreSQL identifier.")]
    public string PostgresSchema { get; set; } = "scheduler";

    /// <summary>
    /// How long an idle scheduler waits before it looks at the store again: how soon a worker node fires what another
    /// node wrote there (a "verify now" from a portal-only node, a flow rescheduled by a publication elsewhere).
    /// </summary>
    [Range(1, 300)]
    public int IdleWaitSeconds { get; set; } = 5;

    /// <summary>On PostgreSQL the scheduler is clustered: how its nodes tell each other they are alive.</summary>
    public SchedulerClusterOptions Cluster { get; set; } = new();

    /// <summary>Quartz cron of the audit-chain verification (default: every night at 02:00 UTC).</summary>
    [Required]
    public string AuditVerificationCron { get; set; } = "0 0 2 * * ?";

    /// <summary>Minutes between two incremental verifications (from the witness's latest checkpoint to the head), each followed by a new checkpoint.</summary>
    [Range(1, 1440)]
    public int AuditIncrementalVerifyMinutes { get; set; } = 5;
}
