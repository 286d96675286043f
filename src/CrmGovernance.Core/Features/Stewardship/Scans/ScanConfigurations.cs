using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Scans;

internal sealed class DuplicateScanConfiguration : IEntityTypeConfiguration<DuplicateScan>
{
    public void Configure(EntityTypeBuilder<DuplicateScan> builder)
    {
        builder.HasIndex(s => new { s.SystemId, s.ObjectId, s.RequestedUtc });
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.RequestedBy).HasMaxLength(256);
        builder.Property(s => s.Phase).HasMaxLength(64);
        builder.Property(s => s.Error).HasMaxLength(4000);
        builder.Property(s => s.RequestedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(s => s.StartedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(s => s.FinishedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(s => s.Node).HasMaxLength(100);
        builder.Property(s => s.HeartbeatUtc).HasConversion(new NullableUtcDateTimeConverter());
    }
}

internal sealed class DuplicateScanPairConfiguration : IEntityTypeConfiguration<DuplicateScanPair>
{
    public void Configure(EntityTypeBuilder<DuplicateScanPair> builder)
    {
        builder.HasIndex(p => new { p.ScanId, p.Cluster });
        builder.HasIndex(p => new { p.ScanId, p.Score });
        builder.Property(p => p.Decision).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.LeftRecordId).HasMaxLength(200);
        builder.Property(p => p.RightRecordId).HasMaxLength(200);
    }
}
