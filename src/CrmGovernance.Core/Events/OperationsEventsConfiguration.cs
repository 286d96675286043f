using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Events;

// Operational plumbing written in volume by the worker: not audited row by row.
internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.ToTable("OperationsEvents");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        builder.Property(e => e.Kind).HasMaxLength(100);
        builder.Property(e => e.Origin).HasMaxLength(200);
        builder.Property(e => e.OccurredUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.HasIndex(e => e.OccurredUtc);
    }
}

internal sealed class OperationsEventConsumerConfiguration : IEntityTypeConfiguration<OperationsEventConsumer>
{
    public void Configure(EntityTypeBuilder<OperationsEventConsumer> builder)
    {
        builder.HasKey(c => c.Subscriber);
        builder.Property(c => c.Subscriber).HasMaxLength(200);
        builder.Property(c => c.LastError).HasMaxLength(4000);
        builder.Property(c => c.RetryAfterUtc).HasConversion(new NullableUtcDateTimeConverter());
        builder.Property(c => c.UpdatedUtc).HasConversion(UtcDateTimeConverter.Instance);
    }
}
