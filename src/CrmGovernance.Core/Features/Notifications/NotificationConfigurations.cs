using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasIndex(n => new { n.UserEmail, n.Id });
        builder.HasIndex(n => new { n.UserEmail, n.ReadUtc });
        builder.HasIndex(n => n.EventSequence);
        builder.Property(n => n.UserEmail).HasMaxLength(256);
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.Property(n => n.LinkPath).HasMaxLength(300);
        builder.Property(n => n.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.CreatedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(n => n.ReadUtc).HasConversion(new NullableUtcDateTimeConverter());
    }
}

// A person's own choices are audited like any other change people make.
internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.IsAudited("Notification preference");
        builder.HasIndex(p => p.UserEmail).IsUnique();
        builder.Property(p => p.UserEmail).HasMaxLength(256);
        builder.Property(p => p.InAppSeverities).HasMaxLength(64);
        builder.Property(p => p.EmailSeverities).HasMaxLength(64);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Ignore(p => p.InApp);
        builder.Ignore(p => p.Email);
    }
}

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.ToTable("NotificationDeliveries");
        builder.HasIndex(d => d.DedupKey).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptUtc });
        builder.HasIndex(d => d.EventSequence);
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Recipient).HasMaxLength(2000);
        builder.Property(d => d.Subject).HasMaxLength(300);
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.Property(d => d.DedupKey).HasMaxLength(300);
        builder.Property(d => d.NextAttemptUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(d => d.CreatedUtc).HasConversion(UtcDateTimeConverter.Instance);
        builder.Property(d => d.SentUtc).HasConversion(new NullableUtcDateTimeConverter());
    }
}

// Webhooks are admin configuration: every create, disable and delete is an audited entity change; the secret's
// ciphertext stays out of the audit row.
internal sealed class NotificationWebhookConfiguration : IEntityTypeConfiguration<NotificationWebhook>
{
    public void Configure(EntityTypeBuilder<NotificationWebhook> builder)
    {
        builder.ToTable("NotificationWebhooks");
        builder.IsAudited("Notification webhook");
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.Property(w => w.Url).HasMaxLength(2000);
        builder.Property(w => w.Severities).HasMaxLength(64);
        builder.Property(w => w.ProtectedSecret).HasMaxLength(2000).IsNotAudited();
        builder.Property(w => w.CreatedBy).HasMaxLength(256);
        builder.Property(w => w.CreatedUtc).HasConversion(UtcDateTimeConverter.Instance);
    }
}
