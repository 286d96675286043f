using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>
/// One item a change request creates, edits or deletes. <see cref="BeforeJson"/> is the published item the author
/// started from (null: new item); <see cref="AfterJson"/> the item as it will be (null: deleted). Approval refuses
/// the request when the published item is no longer <see cref="BeforeJson"/>: someone else changed it meanwhile.
/// </summary>
public sealed class ChangeRequestItem
{
    public Guid Id { get; set; }
    public Guid ChangeRequestId { get; set; }
    public ConfigurationItemKind Kind { get; set; }
    public Guid ItemId { get; set; }
    public string DisplayName { get; set; } = "";
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
