namespace CrmGovernance.Core.Features.Matching.Normalisers.Addresses;

/// <summary>A street line read by <see cref="StreetLineReader"/>: the words after the street are a city when no other part names one.</summary>
internal sealed record StreetLine(string? Number, string? Street, string? Unit, IReadOnlyList<string> After);
