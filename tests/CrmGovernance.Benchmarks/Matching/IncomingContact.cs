using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// A record arriving after the existing ones: another record of an existing person (<see cref="IsDuplicate"/>), or a
/// new person. <see cref="Entity"/> is the person's id in the same numbering as the existing records' truth.
/// </summary>
internal sealed record IncomingContact(MatchRecord Record, int Entity, bool IsDuplicate);
