using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Sync.ErrorQueue;

internal sealed class ErrorQueueItemConfiguration : IEntityTypeConfiguration<ErrorQueueItem>
{
    public void Configure(EntityTypeBuilder<ErrorQueueItem> builder)
    {
        builder.HasIndex(e => new { e.Status, e.FlowId });
        builder.HasIndex(e => new { e.FlowId, e.SourceId });
        // Insights count what entered the queue hour by hour.
        builder.HasIndex(e => e.CreatedUtc);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.SystemKey).HasMaxLength(100);
        builder.Property(e => e.ObjectKey).HasMaxLength(100);
        builder.Property(e => e.SourceId).HasMaxLength(200);
        builder.Property(e => e.Reason).HasMaxLength(4000);
        builder.Property(e => e.ContentType).HasMaxLength(200);
        builder.Property(e => e.ResolvedBy).HasMaxLength(256);
        builder.Property(e => e.CreatedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(e => e.LastAttemptUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(e => e.ResolvedUtc).HasConversion(new NullableUtcDateTimeConverter());
    }
}
