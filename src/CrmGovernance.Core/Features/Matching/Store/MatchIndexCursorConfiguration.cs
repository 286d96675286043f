using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Matching.Store;

internal sealed class MatchIndexCursorConfiguration : IEntityTypeConfiguration<MatchIndexCursor>
{
    public void Configure(EntityTypeBuilder<MatchIndexCursor> builder)
    {
        builder.HasKey(c => new { c.SystemId, c.ObjectId });
        builder.Property(c => c.Cursor).HasMaxLength(1000);
        builder.Property(c => c.UpdatedUtc).HasConversion(UtcDateTimeConverter.Instance);
    }
}
