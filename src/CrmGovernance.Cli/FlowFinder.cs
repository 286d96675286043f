using System.Text;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Cli;

/// <summary>Finds a flow of the published configuration by its name (any case) or its id.</summary>
internal static class FlowFinder
{
    /// <exception cref="CliException">Nothing is published (5), or no flow or several flows answer to <paramref name="nameOrId"/> (2).</exception>
    public static DataFlow Find(PublishedSnapshot published, string nameOrId)
    {
        var flows = published.Configuration.Flows;
        if (flows.Count == 0)
        {
            throw new CliException(ExitCodes.ConfigurationOrDatabase,
                published.Version == 0 ? "No configuration is published yet: there are no flows to run." : $"Configuration version {published.Version} has no flows.");
        }
        var wanted = nameOrId.Trim();
        var matches = Guid.TryParse(wanted, out var id)
            ? flows.Where(f => f.Id == id).ToList()
            : flows.Where(f => string.Equals(f.Name.Trim(), wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliException(ExitCodes.Usage, Listing($"No flow \"{wanted}\" in configuration version {published.Version}. The flows:", flows)),
            _ => throw new CliException(ExitCodes.Usage, Listing($"Several flows are named \"{wanted}\"; give the id of one:", matches)),
        };
    }

    private static string Listing(string heading, IEnumerable<DataFlow> flows)
    {
        var text = new StringBuilder(heading);
        foreach (var flow in flows.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase))
        {
            text.AppendLine().Append("  ").Append(flow.Name).Append("  (").Append(flow.Id).Append(')');
        }
        return text.ToString();
    }
}
