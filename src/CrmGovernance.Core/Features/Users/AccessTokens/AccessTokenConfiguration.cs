using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Users.AccessTokens;

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.ToTable("AccessTokens");
        builder.IsAudited("AccessToken");
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.Prefix);
        builder.HasIndex(t => t.UserId);
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.UserEmail).HasMaxLength(256);
        builder.Property(t => t.Name).HasMaxLength(AccessTokenService.MaxNameLength);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.Hash).HasMaxLength(64).IsRedactedInAudit();
        builder.Property(t => t.Scope).HasMaxLength(200);
        builder.Property(t => t.RevokedBy).HasMaxLength(256);
        builder.Property(t => t.CreatedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(t => t.ExpiresUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(t => t.RevokedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(t => t.LastUsedUtc).HasConversion(new NullableUtcDateTimeConverter()).IsNotAudited();
    }
}
