namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>
/// One step of a mapping's transform chain. Arguments by kind: ParseDate "formats" (separated by |), FormatDate
/// "format", ValueMap <see cref="Map"/> plus "default", Concatenate and Split "separator" (Split also "index", from 0),
/// Constant and DefaultIfEmpty "value", Truncate "length", PhoneE164 "region" (else the flow's default region).
/// </summary>
public sealed record Transform
{
    public required TransformKind Kind { get; init; }
    public SortedDictionary<string, string> Args { get; init; } = new(StringComparer.Ordinal);

    /// <summary>For ValueMap: source value → target value (e.g. lifecycle stages between systems).</summary>
    public SortedDictionary<string, string> Map { get; init; } = new(StringComparer.Ordinal);

    public string? Arg(string name) => Args.TryGetValue(name, out var value) ? value : null;

    public static Transform Of(TransformKind kind, params (string Name, string Value)[] args)
    {
        var transform = new Transform { Kind = kind };
        foreach (var (name, value) in args)
        {
            transform.Args[name] = value;
        }
        return transform;
    }
}
