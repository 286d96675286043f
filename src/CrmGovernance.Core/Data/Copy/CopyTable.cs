namespace CrmGovernance.Core.Data.Copy;

/// <summary>A table of the portal database as the copy moves it.</summary>
/// <param name="SeedRows">Rows the migrations insert themselves (EF <c>HasData</c>): a target holding only these is empty.</param>
public sealed record CopyTable(string Name, IReadOnlyList<CopyColumn> Columns, IReadOnlyList<string> KeyColumns, int SeedRows);
