namespace CrmGovernance.Core.Features.ChangeControl;

public sealed record ChangeRequestSummary(
    Guid Id, int Number, string Title, ChangeRequestStatus Status, string AuthorName, DateTime CreatedUtc, DateTime UpdatedUtc,
    int ItemCount, int? PublishedVersion, string? DecidedByName);
