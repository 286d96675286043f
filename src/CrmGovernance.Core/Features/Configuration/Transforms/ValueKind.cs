namespace CrmGovernance.Core.Features.Configuration.Transforms;

/// <summary>The type of the value flowing through a transform chain, checked at design time.</summary>
public enum ValueKind { Text, Email, Phone, Number, Date, DateTime, Boolean }
