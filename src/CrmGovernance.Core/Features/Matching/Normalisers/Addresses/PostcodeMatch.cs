namespace CrmGovernance.Core.Features.Matching.Normalisers.Addresses;

/// <summary>A postcode found in tokens [Start, End): its folded code, its form, and whether a city follows it ("10115 Berlin").</summary>
internal readonly record struct PostcodeMatch(int Start, int End, string Code, PostcodeShape Shape, bool BeforeCity);
