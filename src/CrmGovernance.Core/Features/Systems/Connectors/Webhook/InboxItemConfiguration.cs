using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Systems.Connectors.Webhook;

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> builder)
    {
        builder.HasIndex(m => new { m.SystemKey, m.ObjectKey, m.Id });
        builder.HasIndex(m => new { m.SystemKey, m.IdempotencyKey }).IsUnique();
        builder.Property(m => m.SystemKey).HasMaxLength(100);
        builder.Property(m => m.ObjectKey).HasMaxLength(100);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(200);
        builder.Property(m => m.ReceivedUtc).HasConversion(UtcDateTimeConverter.Instance);
    }
}
