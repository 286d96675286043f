using System.Globalization;
using System.Text;

namespace CrmGovernance.Core.Features.Systems.Connectors.Sql;

/// <summary>
/// The text of the write statements, for <paramref name="rows"/> rows of one column set: parameters @p0… in row order,
/// the key first in each row. Names come from <see cref="SqlTable"/> (checked) and are quoted.
/// </summary>
internal static class SqlWriteSql
{
    /// <summary>INSERT … ON CONFLICT (key) DO UPDATE SET the given columns (or DO NOTHING).</summary>
    public static string Insert(SqlTable table, IReadOnlyList<string> columns, int rows, bool updateExisting)
    {
        var key = SqlDialect.Quote(table.Key);
        var sql = new StringBuilder("INSERT INTO ").Append(table.Quoted).Append(" (").Append(key);
        foreach (var column in columns)
        {
            sql.Append(", ").Append(SqlDialect.Quote(column));
        }
        sql.Append(") ");
        AppendValues(sql, columns.Count + 1, rows);
        sql.Append(" ON CONFLICT (").Append(key).Append(')');
        if (!updateExisting || columns.Count == 0)
        {
            return sql.Append(" DO NOTHING").ToString();
        }
        sql.Append(" DO UPDATE SET ");
        sql.AppendJoin(", ", columns.Select(c => $"{SqlDialect.Quote(c)} = excluded.{SqlDialect.Quote(c)}"));
        return sql.ToString();
    }

    /// <summary>
    /// UPDATE … FROM (VALUES …): only the given columns of the rows that exist; returns the keys it updated. (An INSERT …
    /// ON CONFLICT would check NOT NULL columns the partial row does not carry before finding the conflict.)
    /// </summary>
    public static string Update(SqlDialect dialect, SqlTable table, IReadOnlyList<string> columns, int rows)
    {
        var sql = new StringBuilder("UPDATE ").Append(table.Quoted).Append(" SET ");
        sql.AppendJoin(", ", columns.Select((c, i) =>
            SqlDialect.Quote(c) + " = " + dialect.Cast("v.column" + (i + 2).ToString(CultureInfo.InvariantCulture), table.Info(c))));
        sql.Append(" FROM (");
        AppendValues(sql, columns.Count + 1, rows);
        sql.Append(") AS v WHERE ").Append(table.Quoted).Append('.').Append(SqlDialect.Quote(table.Key))
            .Append(" = ").Append(dialect.Cast("v.column1", table.Info(table.Key)))
            .Append(" RETURNING ").Append(SqlDialect.Quote(table.Key));
        return sql.ToString();
    }

    private static void AppendValues(StringBuilder sql, int width, int rows)
    {
        sql.Append("VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < width; c++)
            {
                sql.Append(c == 0 ? "@p" : ", @p").Append(((r * width) + c).ToString(CultureInfo.InvariantCulture));
            }
            sql.Append(')');
        }
    }
}
