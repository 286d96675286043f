using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Sync.Runs;

// Runs and record results are operational records, written by the worker in volume: not audited row by row
// (who started a run, and replays, are recorded in the audit trail by the services that do them).
internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> builder)
    {
        builder.HasIndex(r => new { r.FlowId, r.Id });
        builder.HasIndex(r => r.Status);
        builder.Property(r => r.FlowName).HasMaxLength(200);
        builder.Property(r => r.StartedBy).HasMaxLength(256);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.StartedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(r => r.HeartbeatUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(r => r.FinishedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(r => r.DueUtc).HasConversion(new NullableUtcDateTimeConverter());
        // The insights drill-down and rebuild read runs by when they started.
        builder.HasIndex(r => r.StartedUtc);
        builder.Property(r => r.Message).HasMaxLength(4000);
        builder.Property(r => r.Node).HasMaxLength(100);
        builder.Ignore(r => r.Processed);
        builder.Ignore(r => r.DurationSeconds);
    }
}

internal sealed class RecordOutcomeConfiguration : IEntityTypeConfiguration<RecordOutcome>
{
    public void Configure(EntityTypeBuilder<RecordOutcome> builder)
    {
        builder.HasIndex(r => new { r.RunId, r.Outcome });
        builder.HasIndex(r => new { r.RunId, r.SourceId });
        // Finding a record across runs (the Runs page's search) by its source id or the inbox id it arrived as.
        builder.HasIndex(r => r.SourceId);
        builder.HasIndex(r => r.InboxId);
        builder.Property(r => r.SourceId).HasMaxLength(200);
        builder.Property(r => r.TargetId).HasMaxLength(200);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.AtUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(r => r.SourceCreatedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(r => r.Match).HasMaxLength(8);
    }
}
