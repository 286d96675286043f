using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Matching.ReviewQueue;

internal sealed class ReviewItemConfiguration : IEntityTypeConfiguration<ReviewItem>
{
    public void Configure(EntityTypeBuilder<ReviewItem> builder)
    {
        builder.HasIndex(r => new { r.Status, r.ObjectId, r.Score });
        builder.HasIndex(r => new { r.SystemId, r.ObjectId, r.LeftRecordId, r.RightRecordId });
        builder.HasIndex(r => r.AssignedTo);
        // Insights count what entered the queue, and what was decided, hour by hour.
        builder.HasIndex(r => r.CreatedUtc);
        builder.HasIndex(r => r.DecidedUtc);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.LeftRecordId).HasMaxLength(200);
        builder.Property(r => r.RightRecordId).HasMaxLength(200);
        builder.Property(r => r.AssignedTo).HasMaxLength(256);
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.CreatedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(r => r.DeferredUntilUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(r => r.DecidedUtc).HasConversion(new NullableUtcDateTimeConverter());
    }
}

internal sealed class MatchExclusionConfiguration : IEntityTypeConfiguration<MatchExclusion>
{
    public void Configure(EntityTypeBuilder<MatchExclusion> builder)
    {
        builder.HasKey(e => new { e.SystemId, e.ObjectId, e.LeftRecordId, e.RightRecordId });
        builder.Property(e => e.LeftRecordId).HasMaxLength(200);
        builder.Property(e => e.RightRecordId).HasMaxLength(200);
        builder.Property(e => e.DecidedBy).HasMaxLength(256);
        builder.Property(e => e.DecidedUtc).HasConversion(UtcDateTimeConverter.Instance);
    }
}
