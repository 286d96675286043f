using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Validation;

/// <summary>A blocking error in a configuration, in words a business owner understands, pointing at the item.</summary>
public sealed record ValidationIssue(ConfigurationItemKind Kind, Guid ItemId, string Message);
