using CrmGovernance.Core.Access;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Stewardship.Review;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Features.Scenarios.Gate;
using CrmGovernance.Core.Features.Scenarios.SignOffs;
using CrmGovernance.Core.Features.Quality.Fields;
using CrmGovernance.Core.Features.Quality.KnownIssues;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Inbound;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Features.Systems.Connectors.Webhook;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Data;

/// <summary>The portal's database. Created per operation through <see cref="IDbContextFactory{TContext}"/>.</summary>
public class CrmDbContext(DbContextOptions<CrmDbContext> options, ActorContext? actor = null)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>Who is acting through this context; written into every audit row it produces.</summary>
    public ActorContext Actor { get; } = actor ?? ActorContext.System("unattributed");

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditVerification> AuditVerifications => Set<AuditVerification>();
    public DbSet<AuditExport> AuditExports => Set<AuditExport>();
    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();
    public DbSet<ChangeRequestItem> ChangeRequestItems => Set<ChangeRequestItem>();
    public DbSet<ConfigurationVersion> ConfigurationVersions => Set<ConfigurationVersion>();
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<RecordOutcome> RecordOutcomes => Set<RecordOutcome>();
    public DbSet<FlowCursor> FlowCursors => Set<FlowCursor>();
    public DbSet<CrosswalkLink> CrosswalkLinks => Set<CrosswalkLink>();
    public DbSet<ErrorQueueItem> ErrorQueueItems => Set<ErrorQueueItem>();
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();
    public DbSet<InboundApiKey> InboundApiKeys => Set<InboundApiKey>();
    public DbSet<ReviewItem> ReviewItems => Set<ReviewItem>();
    public DbSet<MatchExclusion> MatchExclusions => Set<MatchExclusion>();
    public DbSet<RecordMerge> RecordMerges => Set<RecordMerge>();
    public DbSet<DuplicateScan> DuplicateScans => Set<DuplicateScan>();
    public DbSet<DuplicateScanPair> DuplicateScanPairs => Set<DuplicateScanPair>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentField> AssessmentFields => Set<AssessmentField>();
    public DbSet<KnownIssue> KnownIssues => Set<KnownIssue>();
    public DbSet<FieldRetirement> FieldRetirements => Set<FieldRetirement>();
    public DbSet<ScenarioCheck> ScenarioChecks => Set<ScenarioCheck>();
    public DbSet<SignOff> SignOffs => Set<SignOff>();
    public DbSet<MatchIndexEntry> MatchIndexEntries => Set<MatchIndexEntry>();
    public DbSet<MatchIndexCursor> MatchIndexCursors => Set<MatchIndexCursor>();
    public DbSet<OutboxEvent> OperationsEvents => Set<OutboxEvent>();
    public DbSet<OperationsEventConsumer> OperationsEventConsumers => Set<OperationsEventConsumer>();

    /// <summary>Data Protection's key ring (cookies, antiforgery, system secrets), kept with the data it protects.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Every time is UTC, stored as such and read back marked UTC, whatever the engine (PostgreSQL's timestamptz takes UTC only).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
        if (Database.ProviderName == Dialects.Postgres.PostgresPortalDialect.ProviderName)
        {
            // Audit rows are sealed with their time to the tick (100 ns), as SQLite stores it; timestamptz would keep
            // microseconds and break the seal, of rows written here and of rows copied from SQLite (ADR 0019).
            builder.Entity<AuditEntry>().Property(e => e.TimeUtc).HasConversion(UtcTicksConverter.Instance).HasColumnType("bigint");
        }
        builder.Entity<IdentityRole>().HasData(Access.Roles.All.Select(r => new IdentityRole
        {
            Id = r, Name = r, NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = r,
        }));
    }
}
