using CrmGovernance.Core.Features.Insights.Dashboard;

namespace CrmGovernance.Core.Features.Insights.Digest;

/// <summary>
/// What the weekly digest says: the key figures of <see cref="Week"/> against the week before (each card's baseline is the
/// week before), and up to three places where it hurt most that week (<see cref="DigestHotspot"/>); none when nothing hurt.
/// </summary>
public sealed record DigestContent(DigestWeek Week, IReadOnlyList<InsightCard> Figures, IReadOnlyList<DigestHotspot> Hotspots, bool HasData);
