using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.IsAppendOnly();
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.TimeUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.EntityType).HasMaxLength(128);
        builder.Property(e => e.EntityId).HasMaxLength(256);
        builder.Property(e => e.CorrelationId).HasMaxLength(128);
        builder.Property(e => e.Source).HasMaxLength(32);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.TimeUtc);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.ActorName);
        builder.HasIndex(e => e.Action);
        builder.HasIndex(e => e.CorrelationId);
        builder.HasIndex(e => e.ChangeRequestId);
        builder.HasIndex(e => e.Source);
        // The audit page (ADR 0013): a type alone pages in sequence order; any mix of the low-cardinality filters is
        // answered from one covering index (IAuditSearchQueries.BrowseRows in Data/Dialects) instead of a table lookup per candidate row.
        builder.HasIndex(e => e.EntityType).HasDatabaseName("IX_AuditEntries_EntityType");
        builder.HasIndex(e => new { e.Source, e.Action, e.EntityType, e.ActorName }).HasDatabaseName("IX_AuditEntries_Browse");
    }
}
