using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.Inbound;

internal sealed class InboundApiKeyConfiguration : IEntityTypeConfiguration<InboundApiKey>
{
    public void Configure(EntityTypeBuilder<InboundApiKey> builder)
    {
        builder.IsAudited("InboundApiKey");
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.Property(k => k.SystemKey).HasMaxLength(100);
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.Hash).HasMaxLength(64).IsRedactedInAudit();
        builder.Property(k => k.CreatedBy).HasMaxLength(256);
        builder.Property(k => k.CreatedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(k => k.RevokedUtc).HasConversion(new NullableUtcDateTimeConverter());
    }
}
