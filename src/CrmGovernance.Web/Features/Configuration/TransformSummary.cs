using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;

namespace CrmGovernance.Web.Features.Configuration;

/// <summary>A mapping's transform chain in one line, for tables: "Trim → Email normalise".</summary>
public static class TransformSummary
{
    public static string Of(FieldMapping mapping) =>
        mapping.Transforms.Count == 0 ? "as is" : string.Join(" → ", mapping.Transforms.Select(t => TransformCatalog.Label(t.Kind)));
}
