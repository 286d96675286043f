using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Quality.Fields;

internal sealed class FieldRetirementConfiguration : IEntityTypeConfiguration<FieldRetirement>
{
    public void Configure(EntityTypeBuilder<FieldRetirement> builder)
    {
        builder.IsAudited(FieldRetirementService.AuditEntityType);
        builder.HasIndex(r => r.FieldId);
        builder.Property(r => r.Field).HasMaxLength(200);
        builder.Property(r => r.Reason).HasMaxLength(FieldRetirementService.MaxReasonLength);
        builder.Property(r => r.ProposedBy).HasMaxLength(256);
        builder.Property(r => r.AbandonedBy).HasMaxLength(256);
        builder.Property(r => r.ProposedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(r => r.AbandonedUtc).HasConversion(new NullableUtcDateTimeConverter());
    }
}
