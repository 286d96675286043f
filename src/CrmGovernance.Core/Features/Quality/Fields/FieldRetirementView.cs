using CrmGovernance.Core.Features.ChangeControl;

namespace CrmGovernance.Core.Features.Quality.Fields;

/// <summary>A field retirement as the page shows it: its steps, where it stands, and whether (and when) the next step can start.</summary>
public sealed record FieldRetirementView(
    long Id,
    Guid FieldId,
    string Field,
    string Reason,
    int WatchDays,
    string ProposedBy,
    DateTime ProposedUtc,
    RetirementStep Current,
    IReadOnlyList<RetirementStepView> Steps,
    bool CanStartNext,
    string Next,
    bool Open)
{
    /// <summary>Without the reason and the change requests, for those who may not read the configuration.</summary>
    public FieldRetirementView WithoutDetail() => this with
    {
        Reason = "",
        Steps = [.. Steps.Select(s => s with { RequestId = null, RequestLabel = null, RequestStatus = null })],
    };
}

/// <summary>One step: done or not (read from the published configuration), and its latest change request.</summary>
public sealed record RetirementStepView(RetirementStep Step, string Title, bool Done, Guid? RequestId, string? RequestLabel, ChangeRequestStatus? RequestStatus);
