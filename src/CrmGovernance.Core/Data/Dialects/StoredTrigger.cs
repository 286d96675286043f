namespace CrmGovernance.Core.Data.Dialects;

/// <summary>A trigger as the database holds it.</summary>
public sealed record StoredTrigger(string Name, string? Sql);
