using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmGovernance.Core.Features.Scenarios.Gate;

internal sealed class ScenarioCheckConfiguration : IEntityTypeConfiguration<ScenarioCheck>
{
    public void Configure(EntityTypeBuilder<ScenarioCheck> builder)
    {
        builder.IsAudited("ScenarioCheck").AuditsChangeRequestFrom(nameof(ScenarioCheck.ChangeRequestId));
        builder.HasIndex(c => new { c.ChangeRequestId, c.Id });
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Fingerprint).HasMaxLength(64);
        builder.Property(c => c.ByName).HasMaxLength(256);
        builder.Property(c => c.Summary).HasMaxLength(ScenarioGate.MaxSummaryLength);
        builder.Property(c => c.Reason).HasMaxLength(ScenarioGate.MaxReasonLength);
        builder.Property(c => c.CheckedUtc).HasConversion(UtcDateTimeConverter.Instance);
        // The full results stay on the row; the audit trail carries the summary.
        builder.Property(c => c.ResultsJson).IsNotAudited();
    }
}
