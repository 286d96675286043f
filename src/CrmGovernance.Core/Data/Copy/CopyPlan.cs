using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CrmGovernance.Core.Data.Copy;

/// <summary>
/// Every table of the EF model, in foreign-key order (a table after the tables it refers to), with its columns. Built
/// from the model itself so a table added later is copied without anyone remembering to list it.
/// </summary>
public static class CopyPlan
{
    private static readonly MethodInfo ReadAsMethod = typeof(CopyPlan).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <exception cref="InvalidOperationException">Tables that refer to each other in a cycle (no order would satisfy the keys).</exception>
    public static IReadOnlyList<CopyTable> For(DbContext source)
    {
        // The design-time model: the runtime one keeps neither seed data (HasData) nor which tables migrations leave out.
        var design = source.GetService<IDesignTimeModel>().Model;
        var tables = design.GetRelationalModel().Tables.Where(t => !t.IsExcludedFromMigrations).ToList();
        return Order(tables).Select(t => new CopyTable(t.Name,
                [.. t.Columns.Where(c => c.ComputedColumnSql is null).Select(Column)],
                t.PrimaryKey?.Columns.Select(c => c.Name).ToList() ?? [],
                t.EntityTypeMappings.Sum(m => design.FindEntityType(m.TypeBase.Name)?.GetSeedData().Count() ?? 0)))
            .ToList();
    }

    private static CopyColumn Column(IColumn column)
    {
        var mapping = column.PropertyMappings[0].TypeMapping;
        var stored = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        var read = ReadAsMethod.MakeGenericMethod(stored).CreateDelegate<Func<DbDataReader, int, object>>();
        return new CopyColumn(column.Name, stored, column.IsNullable, read);
    }

    private static object ReadAs<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;

    /// <summary>Kahn's order; ties by name so two runs copy in the same order. A table's references to itself are ignored here.</summary>
    private static List<ITable> Order(List<ITable> tables)
    {
        var pending = tables.ToDictionary(t => t.Name, t => t.ForeignKeyConstraints.Select(fk => fk.PrincipalTable.Name)
            .Where(p => p != t.Name && tables.Any(o => o.Name == p)).ToHashSet());
        var byName = tables.ToDictionary(t => t.Name);
        var ordered = new List<ITable>(tables.Count);
        while (pending.Count > 0)
        {
            var ready = pending.Where(p => p.Value.Count == 0).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("These tables refer to each other in a cycle, so no copy order satisfies their foreign keys: "
                    + string.Join(", ", pending.Keys.Order(StringComparer.Ordinal)));
            }
            foreach (var name in ready)
            {
                ordered.Add(byName[name]);
                pending.Remove(name);
                foreach (var rest in pending.Values)
                {
                    rest.Remove(name);
                }
            }
        }
        return ordered;
    }
}
