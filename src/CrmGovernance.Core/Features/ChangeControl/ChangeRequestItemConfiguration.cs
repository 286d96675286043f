using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.ChangeControl;

internal sealed class ChangeRequestItemConfiguration : IEntityTypeConfiguration<ChangeRequestItem>
{
    public void Configure(EntityTypeBuilder<ChangeRequestItem> builder)
    {
        builder.IsAudited("ChangeRequestItem").AuditsChangeRequestFrom(nameof(ChangeRequestItem.ChangeRequestId));
        builder.HasIndex(i => new { i.ChangeRequestId, i.Kind, i.ItemId }).IsUnique();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.DisplayName).HasMaxLength(300);
        builder.Property(i => i.UpdatedUtc).HasConversion(UtcDateTimeConverter.Instance).IsNotAudited();
    }
}
