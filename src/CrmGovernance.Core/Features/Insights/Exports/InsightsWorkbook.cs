using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Insights.Dashboard;

namespace CrmGovernance.Core.Features.Insights.Exports;

/// <summary>
/// Exports the dashboard of a filter to Excel: the figures, their trend, the flows, rejection reasons, duplicates and
/// versions. The data comes from <see cref="InsightsDashboard.LoadAsync"/>, so the capability and the business owner's
/// scope are checked exactly as on the page, and the workbook holds what the caller may see and nothing more.
/// </summary>
public sealed class InsightsWorkbook(InsightsDashboard dashboard, PublishedConfiguration published, ActorContext actor, TimeProvider clock)
{
    public async Task<InsightsExport> ExportAsync(InsightsFilter filter, CancellationToken cancellationToken = default)
    {
        var data = await dashboard.LoadAsync(filter, cancellationToken);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var content = InsightsWorkbookWriter.Build(data, id => configuration.FindObject(id)?.Name ?? "(an object no longer configured)",
            Subject(data.Filter, configuration), actor.Name, clock.GetUtcNow().UtcDateTime);
        return new InsightsExport(string.Create(CultureInfo.InvariantCulture, $"insights-{filter.From:yyyy-MM-dd}-to-{filter.To:yyyy-MM-dd}.xlsx"), content);
    }

    private static string Subject(InsightsFilter filter, Configuration.Model.GovernanceConfiguration configuration)
    {
        var parts = new List<string>();
        if (filter.ObjectId is { } o)
        {
            parts.Add("object " + (configuration.FindObject(o)?.Name ?? o.ToString()));
        }
        if (filter.FlowId is { } f)
        {
            parts.Add("flow " + (configuration.FindFlow(f)?.Name ?? f.ToString()));
        }
        if (filter.SystemId is { } s)
        {
            parts.Add("system " + (configuration.FindSystem(s)?.Name ?? s.ToString()));
        }
        return parts.Count == 0 ? "Everything you may see" : string.Join(", ", parts);
    }
}
