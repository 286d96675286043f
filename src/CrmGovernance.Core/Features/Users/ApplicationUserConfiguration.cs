using CrmGovernance.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Users;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.CreatedUtc).HasConversion(UtcDateTimeConverter.Instance);

        // Users are governed: creation, disabling, 2FA changes and password changes are audited.
        // Counters and stamps change on every sign-in and would drown the trail; secrets are never copied.
        builder.IsAudited("User");
        builder.Property(u => u.AccessFailedCount).IsNotAudited();
        builder.Property(u => u.LockoutEnd).IsNotAudited();
        builder.Property(u => u.SecurityStamp).IsNotAudited();
        builder.Property(u => u.ConcurrencyStamp).IsNotAudited();
        builder.Property(u => u.NormalizedEmail).IsNotAudited();
        builder.Property(u => u.NormalizedUserName).IsNotAudited();
        builder.Property(u => u.PasswordHash).IsRedactedInAudit();
    }
}
