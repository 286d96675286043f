using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.ChangeControl;

internal sealed class ConfigurationVersionConfiguration : IEntityTypeConfiguration<ConfigurationVersion>
{
    public void Configure(EntityTypeBuilder<ConfigurationVersion> builder)
    {
        // The insert is audited (number, hash, request); the snapshot itself is the version's content.
        builder.IsAudited("ConfigurationVersion").AuditsChangeRequestFrom(nameof(ConfigurationVersion.ChangeRequestId));
        builder.IsAppendOnly();
        builder.HasKey(v => v.Number);
        builder.Property(v => v.Number).ValueGeneratedNever();
        builder.Property(v => v.PublishedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(v => v.PublishedByName).HasMaxLength(256);
        builder.Property(v => v.Hash).HasMaxLength(64);
        builder.Property(v => v.SnapshotJson).IsNotAudited();
    }
}
