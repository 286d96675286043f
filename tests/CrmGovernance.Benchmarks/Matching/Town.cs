namespace CrmGovernance.Benchmarks.Matching;

/// <summary>A UK town: its postcode areas, its landline dialling code (with the 0) and a weight for how many people live there.</summary>
internal sealed record Town(string Name, string[] PostcodeAreas, string DiallingCode, int Weight);
