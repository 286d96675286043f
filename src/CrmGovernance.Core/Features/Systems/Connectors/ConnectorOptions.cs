using CrmGovernance.Core.Features.Systems.Connectors.Outbound;

namespace CrmGovernance.Core.Features.Systems.Connectors;

/// <summary>
/// What connectors may reach ("Connectors"): set by whoever runs the server, never by governed configuration, so that
/// an approved change request cannot point a connector at the portal's own files or at an internal address.
/// </summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connectors";

    /// <summary>
    /// Folders that file paths of connectors (SQLite databases, CSV files and drop folders) must lie in, after links
    /// are resolved; relative entries are under the content root. Empty: "connectors" in the data folder. The demo's
    /// folder (data/demo) is added while the demo is enabled.
    /// </summary>
    public List<string> FileRoots { get; set; } = [];

    /// <summary>
    /// More files and folders no connector may use, even inside a root. The portal's own files (database, scheduler
    /// database, logs, exports, and every *Path/*File/*Folder/*Directory setting) are protected without being listed.
    /// </summary>
    public List<string> ProtectedPaths { get; set; } = [];

    public OutboundOptions Outbound { get; set; } = new();

    /// <summary>A message per entry that cannot be used; empty when all can.</summary>
    public IReadOnlyList<string> Problems() =>
    [
        .. FileRoots.Concat(ProtectedPaths).Where(p => string.IsNullOrWhiteSpace(p) || p.Contains('\0', StringComparison.Ordinal))
            .Select(_ => "Connectors:FileRoots and Connectors:ProtectedPaths may not hold blank entries."),
        .. Outbound.Problems(),
    ];
}
