using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Quality.KnownIssues;

internal sealed class KnownIssueConfiguration : IEntityTypeConfiguration<KnownIssue>
{
    public void Configure(EntityTypeBuilder<KnownIssue> builder)
    {
        builder.IsAudited("KnownIssue");
        builder.HasIndex(k => new { k.SystemId, k.ObjectId, k.Field, k.Finding });
        builder.Property(k => k.Field).HasMaxLength(200);
        builder.Property(k => k.Finding).HasConversion<string>().HasMaxLength(24);
        builder.Property(k => k.Reason).HasMaxLength(KnownIssueService.MaxReasonLength);
        builder.Property(k => k.AcceptedBy).HasMaxLength(256);
        builder.Property(k => k.WithdrawnBy).HasMaxLength(256);
        builder.Property(k => k.AcceptedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(k => k.WithdrawnUtc).HasConversion(new NullableUtcDateTimeConverter());
    }
}
