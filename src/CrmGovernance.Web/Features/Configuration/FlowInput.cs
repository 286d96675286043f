using System.Globalization;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Web.Components.Validation;

namespace CrmGovernance.Web.Features.Configuration;

/// <summary>The flow editor's working copy.</summary>
public sealed class FlowInput
{
    public string Name { get; set; } = "";
    public Guid ObjectId { get; set; }
    public Guid SourceSystemId { get; set; }
    public Guid TargetSystemId { get; set; }
    public FlowPattern Pattern { get; set; } = FlowPattern.Scheduled;
    public string? Cron { get; set; } = "0 */15 * * * ?";
    public string Outcome { get; set; } = "";
    /// <summary>As typed: a number field would drop text that is not a number, and with it what the user meant.</summary>
    public string Phase { get; set; } = "1";
    public string Owner { get; set; } = "";
    public FlowStatus Status { get; set; } = FlowStatus.Draft;
    public Guid? JourneyStepId { get; set; }
    public string DefaultRegion { get; set; } = "US";
    /// <summary>Target field names separated by commas.</summary>
    public string MatchKeys { get; set; } = "";
    public bool RequiresSignOff { get; set; }

    public static FlowInput From(DataFlow? f, GovernanceConfiguration c) => f is null
        ? new FlowInput
        {
            ObjectId = c.Objects.FirstOrDefault()?.Id ?? Guid.Empty,
            SourceSystemId = c.Systems.FirstOrDefault()?.Id ?? Guid.Empty,
            TargetSystemId = c.Systems.Skip(1).FirstOrDefault()?.Id ?? c.Systems.FirstOrDefault()?.Id ?? Guid.Empty,
        }
        : new FlowInput
        {
            Name = f.Name, ObjectId = f.ObjectId, SourceSystemId = f.SourceSystemId, TargetSystemId = f.TargetSystemId, Pattern = f.Pattern,
            Cron = f.Cron, Outcome = f.Outcome, Phase = f.Phase.ToString(CultureInfo.InvariantCulture), Owner = f.Owner, Status = f.Status, JourneyStepId = f.JourneyStepId,
            DefaultRegion = f.DefaultRegion, MatchKeys = string.Join(", ", f.MatchKeys), RequiresSignOff = f.RequiresSignOff,
        };

    /// <summary>The phase as a number; the editor refuses to save while <see cref="PhaseRule"/> has a message.</summary>
    public int PhaseNumber => InputChecks.WholeNumber(Phase, PhaseLabel, 1, out var n) is null ? n : 1;

    public const string PhaseLabel = "Phase";

    public static readonly Func<string?, string?> PhaseRule = FieldRules.WholeNumber(PhaseLabel, 1);

    public DataFlow ToFlow(DataFlow? existing) =>
        (existing ?? new DataFlow { Id = Guid.CreateVersion7(), Name = "", ObjectId = ObjectId, SourceSystemId = SourceSystemId, TargetSystemId = TargetSystemId }) with
        {
            Name = Name.Trim(), ObjectId = ObjectId, SourceSystemId = SourceSystemId, TargetSystemId = TargetSystemId, Pattern = Pattern,
            Cron = Pattern == FlowPattern.Scheduled ? Cron?.Trim() : null, Outcome = Outcome.Trim(), Phase = PhaseNumber, Owner = Owner.Trim(),
            Status = Status, JourneyStepId = JourneyStepId, DefaultRegion = string.IsNullOrWhiteSpace(DefaultRegion) ? "US" : DefaultRegion.Trim().ToUpperInvariant(),
            MatchKeys = [.. MatchKeys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)],
            RequiresSignOff = RequiresSignOff,
        };
}
