using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Review;

internal sealed class RecordMergeConfiguration : IEntityTypeConfiguration<RecordMerge>
{
    public void Configure(EntityTypeBuilder<RecordMerge> builder)
    {
        builder.HasIndex(m => m.ReviewItemId);
        builder.HasIndex(m => new { m.SystemId, m.ObjectId, m.MergedId });
        builder.Property(m => m.SurvivorId).HasMaxLength(200);
        builder.Property(m => m.MergedId).HasMaxLength(200);
        builder.Property(m => m.MergedBy).HasMaxLength(256);
        builder.Property(m => m.UnmergedBy).HasMaxLength(256);
        builder.Property(m => m.MergedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(m => m.UnmergedUtc).HasConversion(new NullableUtcDateTimeConverter());
    }
}
