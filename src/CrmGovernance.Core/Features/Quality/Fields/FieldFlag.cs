namespace CrmGovernance.Core.Features.Quality.Fields;

/// <summary>Why a field is worth questioning before it is carried into a new flow, in words.</summary>
public sealed record FieldFlag(FieldFlagKind Kind, string Reason);

public enum FieldFlagKind { NoOwner, Unused, RarelyFilled, NeverChanged }
