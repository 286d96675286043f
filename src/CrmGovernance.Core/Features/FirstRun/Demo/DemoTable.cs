namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>Rows for one table of a demo database; values are written as text, the column's affinity converts them.</summary>
internal sealed class DemoTable(string name, params string[] columns)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Columns { get; } = columns;
    public List<string?[]> Rows { get; } = [];

    public void Add(params string?[] values)
    {
        if (values.Length != Columns.Count)
        {
            throw new ArgumentException($"{Name} has {Columns.Count} columns, not {values.Length}.", nameof(values));
        }
        Rows.Add(values);
    }
}
