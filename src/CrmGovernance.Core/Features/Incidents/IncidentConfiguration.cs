using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents;

// People's decisions on an incident (acknowledge, resolve, severity, owner) are audited as entity changes; the
// occurrence counters are not (a storm would otherwise write an audit row per occurrence).
internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.IsAudited("Incident");
        builder.HasIndex(i => new { i.FoldKey, i.Id });
        builder.HasIndex(i => new { i.State, i.Id });
        builder.HasIndex(i => new { i.Owner, i.State });
        builder.HasIndex(i => i.FlowId);
        builder.Property(i => i.FoldKey).HasMaxLength(200);
        builder.Property(i => i.Cause).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Ending).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.ResolutionCategory).HasConversion<string>().HasMaxLength(24);
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Detail).HasMaxLength(4000);
        builder.Property(i => i.RecordId).HasMaxLength(200);
        builder.Property(i => i.SubjectName).HasMaxLength(300);
        builder.Property(i => i.Owner).HasMaxLength(256);
        builder.Property(i => i.EscalationContact).HasMaxLength(256);
        builder.Property(i => i.CausingSummary).HasMaxLength(2000);
        builder.Property(i => i.ResolutionNote).HasMaxLength(4000);
        builder.Property(i => i.ReportedBy).HasMaxLength(256);
        builder.Property(i => i.Occurrences).IsNotAudited();
        builder.Property(i => i.LastSeenUtc).HasConversion(UtcDateTimeConverter.Instance).IsNotAudited();
        builder.Property(i => i.LastRunId).IsNotAudited();
        builder.Property(i => i.FirstSeenUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(i => i.OpenedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(i => i.AcknowledgeDueUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(i => i.ResolveDueUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(i => i.AcknowledgedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(i => i.ResolvedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(i => i.ClosedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(i => i.LastEscalatedUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Ignore(i => i.IsActive);
    }
}

internal sealed class IncidentEntryConfiguration : IEntityTypeConfiguration<IncidentEntry>
{
    public void Configure(EntityTypeBuilder<IncidentEntry> builder)
    {
        builder.HasIndex(e => new { e.IncidentId, e.Id });
        builder.HasIndex(e => e.EventSequence).IsUnique();
        builder.HasOne<Incident>().WithMany().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.AtUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Text).HasMaxLength(4000);
        builder.Property(e => e.RecordId).HasMaxLength(200);
    }
}
