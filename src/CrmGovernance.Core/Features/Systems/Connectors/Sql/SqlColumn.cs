namespace CrmGovernance.Core.Features.Systems.Connectors.Sql;

/// <summary>A column as the database's catalog names it: its name and declared type.</summary>
internal sealed record SqlColumn(string Name, string Type);
