using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Insights.Baselines;

internal sealed class InsightsBaselineConfiguration : IEntityTypeConfiguration<InsightsBaseline>
{
    public void Configure(EntityTypeBuilder<InsightsBaseline> builder)
    {
        builder.ToTable("InsightsBaselines");
        builder.IsAudited("Baseline");
        builder.Property(b => b.Name).HasMaxLength(120);
        builder.Property(b => b.SetBy).HasMaxLength(256);
        builder.Property(b => b.SetUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.HasIndex(b => b.ObjectId).IsUnique();
        builder.HasIndex(b => b.FlowId).IsUnique();
    }
}
