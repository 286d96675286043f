namespace CrmGovernance.Core.Features.Matching.Normalisers.Addresses;

/// <summary>One folded word of an address line and the comma-separated part of the line it stands in.</summary>
internal readonly record struct AddressToken(string Text, int Segment);
