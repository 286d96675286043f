using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Matching.Store;

internal sealed class MatchIndexEntryConfiguration : IEntityTypeConfiguration<MatchIndexEntry>
{
    public void Configure(EntityTypeBuilder<MatchIndexEntry> builder)
    {
        builder.HasKey(e => new { e.SystemId, e.ObjectId, e.RecordId });
        builder.HasIndex(e => new { e.SystemId, e.ObjectId, e.UpdatedUtc });
        builder.Property(e => e.RecordId).HasMaxLength(200);
        builder.Property(e => e.UpdatedUtc).HasConversion(UtcDateTimeConverter.Instance);
    }
}
