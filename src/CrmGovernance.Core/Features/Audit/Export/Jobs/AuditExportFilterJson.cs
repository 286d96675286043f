using System.Text.Json;

namespace CrmGovernance.Core.Features.Audit.Export.Jobs;

/// <summary>The filter of an export as stored on its row (<see cref="AuditExport.FilterJson"/>).</summary>
public static class AuditExportFilterJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(AuditLogFilter filter) => JsonSerializer.Serialize(filter, Options);

    public static AuditLogFilter Read(string json) => JsonSerializer.Deserialize<AuditLogFilter>(json, Options) ?? new AuditLogFilter();
}
