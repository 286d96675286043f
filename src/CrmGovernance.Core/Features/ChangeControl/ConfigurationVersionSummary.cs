namespace CrmGovernance.Core.Features.ChangeControl;

public sealed record ConfigurationVersionSummary(int Number, DateTime PublishedUtc, string PublishedByName, string Hash, Guid? ChangeRequestId, int? ChangeRequestNumber, string? Title);
