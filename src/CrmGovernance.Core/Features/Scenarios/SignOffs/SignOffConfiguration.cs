using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Scenarios.SignOffs;

internal sealed class SignOffConfiguration : IEntityTypeConfiguration<SignOff>
{
    public void Configure(EntityTypeBuilder<SignOff> builder)
    {
        builder.IsAudited("SignOff").AuditsChangeRequestFrom(nameof(SignOff.ChangeRequestId));
        builder.HasIndex(s => new { s.ChangeRequestId, s.ReviewerId }).IsUnique();
        builder.HasIndex(s => new { s.ReviewerId, s.Decision });
        builder.Property(s => s.ReviewerId).HasMaxLength(450);
        builder.Property(s => s.ReviewerName).HasMaxLength(256);
        builder.Property(s => s.ReviewerEmail).HasMaxLength(256);
        builder.Property(s => s.RequestedBy).HasMaxLength(256);
        builder.Property(s => s.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Comment).HasMaxLength(SignOffService.MaxCommentLength);
        builder.Property(s => s.Fingerprint).HasMaxLength(64);
        builder.Property(s => s.RequestedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(s => s.DecidedUtc).HasConversion(new NullableUtcDateTimeConverter());
    }
}
