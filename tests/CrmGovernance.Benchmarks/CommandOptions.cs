using System.Globalization;

namespace CrmGovernance.Benchmarks;

/// <summary>The <c>--name value</c> pairs after the command name.</summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values;

    private CommandOptions(Dictionary<string, string> values) => _values = values;

    /// <returns>Null when the arguments are not all <c>--name value</c> pairs.</returns>
    public static CommandOptions? Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2 || i + 1 >= args.Count)
            {
                return null;
            }
            values[args[i][2..]] = args[i + 1];
        }
        return new CommandOptions(values);
    }

    public int Number(string name, int fallback, int min = 1) =>
        !_values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min ? value
        : throw new ArgumentException($"--{name} must be a whole number of at least {min}, not \"{text}\".");

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    /// <returns>One of <paramref name="allowed"/> (as spelled there, matched case-blind), or <paramref name="fallback"/> when the option is absent.</returns>
    public string Choice(string name, string fallback, params string[] allowed) =>
        !_values.TryGetValue(name, out var text) ? fallback
        : allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"--{name} must be {string.Join(" or ", allowed)}, not \"{text}\".");
}
