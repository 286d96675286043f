using System.Security.Cryptography;
using System.Text;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// The id an appended activity carries: its source system, object and source id, and the version of the source record
/// (a hash of its fields, which include its modified time where the source keeps one). A batch read again after a crash
/// brings the same id, which the target already holds, so nothing is written twice; a new version of the same source
/// record (a second enquiry under the same id) brings a new id and appends once.
/// </summary>
internal static class ActivityKey
{
    public static string For(FlowPlan plan, ConnectorRecord source) =>
        $"{plan.Source.Key}:{plan.BusinessObject.Key}:{source.Id}@{Version(source.Fields)}";

    /// <summary>16 hex digits of the SHA-256 of the fields in name order: the same record read twice gives the same version.</summary>
    internal static string Version(IReadOnlyDictionary<string, string?> fields)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            // Lengths first, so no pair of fields can be read as another ("a"+"bc" and "ab"+"c" differ).
            text.Append(name.Length).Append(':').Append(name).Append('=');
            text.Append(value is null ? "-" : value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 8);
    }
}
