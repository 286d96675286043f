using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Insights.Rollups;

// Roll-ups are derived figures, rebuilt from the ledger on demand: not audited.
internal sealed class MetricBucketConfiguration : IEntityTypeConfiguration<MetricBucket>
{
    public void Configure(EntityTypeBuilder<MetricBucket> builder)
    {
        builder.ToTable("MetricBuckets");
        builder.Property(b => b.Size).HasConversion<string>().HasMaxLength(8);
        builder.Property(b => b.Metric).HasMaxLength(48);
        builder.Property(b => b.Dimension).HasMaxLength(220);
        builder.Property(b => b.PeriodStartUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.HasIndex(b => new { b.Size, b.PeriodStartUtc, b.Metric, b.FlowId, b.ObjectId, b.SystemId, b.TargetSystemId, b.Dimension }).IsUnique();
    }
}

internal sealed class MetricContributionConfiguration : IEntityTypeConfiguration<MetricContribution>
{
    public void Configure(EntityTypeBuilder<MetricContribution> builder)
    {
        builder.ToTable("MetricContributions");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(160);
        builder.Property(c => c.UpdatedUtc).HasConversion(UtcDateTimeConverter.Instance);
    }
}
