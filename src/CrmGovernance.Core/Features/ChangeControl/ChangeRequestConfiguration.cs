using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.ChangeControl;

internal sealed class ChangeRequestConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> builder)
    {
        builder.IsAudited("ChangeRequest").AuditsChangeRequestFrom(nameof(ChangeRequest.Id));
        builder.HasIndex(r => r.Number).IsUnique();
        builder.HasIndex(r => r.Status);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Reason).HasMaxLength(4000);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.AuthorId).HasMaxLength(64);
        builder.Property(r => r.AuthorName).HasMaxLength(256);
        builder.Property(r => r.DecidedById).HasMaxLength(64);
        builder.Property(r => r.DecidedByName).HasMaxLength(256);
        builder.Property(r => r.DecisionComment).HasMaxLength(4000);
        builder.Property(r => r.CreatedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(r => r.UpdatedUtc).HasConversion(UtcDateTimeConverter.Instance).IsNotAudited();
        builder.Property(r => r.SubmittedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(r => r.DecidedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Ignore(r => r.Label);
        builder.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.ChangeRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
