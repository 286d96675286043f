using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Audit.Export;

internal sealed class AuditExportConfiguration : IEntityTypeConfiguration<AuditExport>
{
    public void Configure(EntityTypeBuilder<AuditExport> builder)
    {
        builder.ToTable("AuditExports");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.RequestedById).HasMaxLength(64);
        builder.Property(e => e.RequestedByName).HasMaxLength(256);
        builder.Property(e => e.FilterJson).HasMaxLength(4000);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.HeadHash).HasMaxLength(64);
        builder.Property(e => e.Error).HasMaxLength(4000);
        builder.Property(e => e.RequestedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(e => e.StartedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(e => e.CompletedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(e => e.Node).HasMaxLength(100);
        builder.Property(e => e.HeartbeatUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.HasIndex(e => new { e.RequestedById, e.RequestedUtc });
        builder.HasIndex(e => e.Status);
    }
}
