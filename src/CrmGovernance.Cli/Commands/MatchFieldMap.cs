using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Cli.Commands;

/// <summary>The <c>--map field=column,...</c> of <c>crmgov match</c>: which CSV column feeds which match attribute.</summary>
internal static class MatchFieldMap
{
    /// <summary>
    /// Parses the entries (each option value may hold several, comma-separated) into attribute → column.
    /// Field names are the <see cref="MatchAttributes"/> names, in any case; column names are kept as given.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> values)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in values.SelectMany(v => v.Split(',')).Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var field = equals < 0 ? "" : entry[..equals].Trim();
            var column = equals < 0 ? "" : entry[(equals + 1)..].Trim();
            if (field.Length == 0 || column.Length == 0)
            {
                throw new CliException(ExitCodes.Usage,
                    $"--map entry \"{entry}\" is not field=column (for example first_name=given_name,email=mail).");
            }
            var known = MatchAttributes.All.FirstOrDefault(a => string.Equals(a, field, StringComparison.OrdinalIgnoreCase))
                ?? throw new CliException(ExitCodes.Usage,
                    $"--map: unknown field \"{field}\". Fields that can be mapped: {string.Join(", ", MatchAttributes.All)}.");
            if (!map.TryAdd(known, column))
            {
                throw new CliException(ExitCodes.Usage, $"--map: field {known} is mapped twice (to \"{map[known]}\" and \"{column}\").");
            }
        }
        return map.Count > 0
            ? map
            : throw new CliException(ExitCodes.Usage, $"--map names no field. Fields that can be mapped: {string.Join(", ", MatchAttributes.All)}.");
    }
}
