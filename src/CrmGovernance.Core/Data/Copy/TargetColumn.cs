using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmGovernance.Core.Data.Copy;

/// <summary>
/// How a source value becomes the target column's: through the model's value when the two engines store the property
/// differently (different value converters), then into the PostgreSQL type the column has.
/// </summary>
internal sealed class TargetColumn(PostgresColumnType type, ValueConverter? sourceConverter, ValueConverter? targetConverter)
{
    // The same converter on both engines stores the same value: no round trip through the model.
    private readonly Func<object?, object?>? _toModel = sourceConverter?.GetType() == targetConverter?.GetType() ? null : sourceConverter?.ConvertFromProvider;
    private readonly Func<object?, object?>? _toTarget = sourceConverter?.GetType() == targetConverter?.GetType() ? null : targetConverter?.ConvertToProvider;

    public PostgresColumnType Type { get; } = type;

    public object Convert(object stored)
    {
        var value = _toModel is null ? stored : _toModel(stored)!;
        return Type.Convert(_toTarget is null ? value : _toTarget(value)!);
    }
}
