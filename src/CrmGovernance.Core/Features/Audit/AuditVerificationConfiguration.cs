using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Audit;

internal sealed class AuditVerificationConfiguration : IEntityTypeConfiguration<AuditVerification>
{
    public void Configure(EntityTypeBuilder<AuditVerification> builder)
    {
        builder.Property(v => v.StartedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(v => v.CompletedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(v => v.Trigger).HasMaxLength(256);
        builder.Property(v => v.Problem).HasMaxLength(1000);
        builder.Property(v => v.HeadHash).HasMaxLength(64);
        builder.HasIndex(v => v.CompletedUtc);
    }
}
