using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Benchmarks.Quality;

/// <summary>One column of the assessed contacts table: its catalog field and how its values are drawn.</summary>
internal sealed record QualityColumn(string Name, FieldType Type, bool Required, IReadOnlyList<string> Allowed, Func<Random, ContactRow, string?> Value)
{
    /// <summary>The column as the system's field catalog declares it (a contact field).</summary>
    public FieldDefinition Definition(Guid systemId, int number) => new()
    {
        Id = new Guid(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-00000a{number:D6}")),
        SystemId = systemId, ObjectId = StandardObjects.Contact, Name = Name, Label = Name, Type = Type, Required = Required,
        AllowedValues = [.. Allowed],
    };

    /// <summary>The same column under another name (a catalog wider than the base columns repeats them with a prefix).</summary>
    public QualityColumn Renamed(string name) => this with { Name = name };
}
