using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Sync.Engine;

internal sealed class FlowCursorConfiguration : IEntityTypeConfiguration<FlowCursor>
{
    public void Configure(EntityTypeBuilder<FlowCursor> builder)
    {
        builder.HasKey(c => c.FlowId);
        builder.Property(c => c.Cursor).HasMaxLength(1000);
        builder.Property(c => c.LeaseHolder).HasMaxLength(200);
        builder.Property(c => c.UpdatedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(c => c.LeaseUntilUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(c => c.LastCheckedUtc).HasConversion(new NullableUtcDateTimeConverter());
    }
}

internal sealed class CrosswalkLinkConfiguration : IEntityTypeConfiguration<CrosswalkLink>
{
    public void Configure(EntityTypeBuilder<CrosswalkLink> builder)
    {
        builder.HasIndex(l => new { l.SourceSystemId, l.ObjectId, l.SourceId, l.TargetSystemId }).IsUnique();
        builder.Property(l => l.SourceId).HasMaxLength(200);
        builder.Property(l => l.TargetId).HasMaxLength(200);
        builder.Property(l => l.MergedFromId).HasMaxLength(200);
        builder.Property(l => l.CreatedUtc).HasConversion(UtcDateTimeConverter.Instance);
    }
}
