namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>The data type of a field in a system's catalog.</summary>
public enum FieldType { Text, Email, Phone, Number, Money, Date, DateTime, Boolean, Picklist, Reference }
