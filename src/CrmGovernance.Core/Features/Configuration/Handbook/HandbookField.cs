namespace CrmGovernance.Core.Features.Configuration.Handbook;

/// <summary>One target field in the handbook: where its value comes from, how it is transformed, and who owns it.</summary>
public sealed record HandbookField(string Target, string Source, string Transforms, string SourceOfTruth);
