using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Quality.Assessments;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.HasIndex(a => new { a.SystemId, a.ObjectId, a.RequestedUtc });
        builder.HasIndex(a => a.Status);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.RequestedBy).HasMaxLength(256);
        builder.Property(a => a.Phase).HasMaxLength(64);
        builder.Property(a => a.Region).HasMaxLength(2);
        builder.Property(a => a.Error).HasMaxLength(4000);
        builder.Property(a => a.Node).HasMaxLength(100);
        builder.Property(a => a.RequestedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(a => a.StartedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(a => a.FinishedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(a => a.HeartbeatUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Ignore(a => a.Scores);
    }
}

internal sealed class AssessmentFieldConfiguration : IEntityTypeConfiguration<AssessmentField>
{
    public void Configure(EntityTypeBuilder<AssessmentField> builder)
    {
        builder.HasIndex(f => new { f.AssessmentId, f.Field }).IsUnique();
        builder.Property(f => f.Field).HasMaxLength(200);
        builder.Property(f => f.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Format).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Behaviour).HasConversion<string>().HasMaxLength(24);
    }
}
