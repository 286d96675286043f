using System.Data.Common;

namespace CrmGovernance.Core.Data.Copy;

/// <summary>
/// One column of a copied table and how to read it from SQLite: as the CLR type EF Core stores for the property (after
/// its value converter), so text that holds a Guid, a date-time or a decimal is parsed exactly as EF Core parses it.
/// </summary>
public sealed record CopyColumn(string Name, Type StoreClrType, bool IsNullable, Func<DbDataReader, int, object> Read);
