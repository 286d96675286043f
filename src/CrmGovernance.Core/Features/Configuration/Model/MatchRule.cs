namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>
/// How records of one object are recognised as the same: comparisons of normalised attributes, each adding a weight
/// (log2 of a Fellegi–Sunter Bayes factor) to <see cref="PriorWeight"/>; the sum is turned into a match probability.
/// At or above <see cref="AutoMatchThreshold"/> the records are the same; from <see cref="ReviewThreshold"/> up to it,
/// the pair waits in the review queue; below, they are distinct. Only pairs sharing a blocking key are ever compared.
/// </summary>
public sealed record MatchRule : IConfigurationItem
{
    public required Guid Id { get; init; }
    public required Guid ObjectId { get; init; }
    public string Name { get; init; } = "";

    /// <summary>Match probability (0–1) at or above which two records are the same.</summary>
    public double AutoMatchThreshold { get; init; } = 0.97;

    /// <summary>Match probability (0–1) from which a pair goes to the review queue.</summary>
    public double ReviewThreshold { get; init; } = 0.6;

    /// <summary>The starting weight before any comparison (log2 odds that two records sharing a block are the same).</summary>
    public double PriorWeight { get; init; } = -8;

    public List<MatchComparison> Comparisons { get; init; } = [];

    /// <summary>
    /// Blocking keys: a pair is compared only when the records share at least one. Each key joins parts with "+";
    /// a part is an attribute with an optional function, e.g. "email", "phone", "last_name.metaphone+first_name.initial",
    /// "dob+postcode". See <c>BlockingKeyFunctions</c> for the functions.
    /// </summary>
    public List<string> BlockingKeys { get; init; } = [];

    /// <summary>Attribute → the system field that carries it, where the names differ (e.g. "company" → "name").</summary>
    public Dictionary<string, string> FieldNames { get; init; } = [];

    /// <summary>
    /// What happens to a differing value in a field the rule compares when a record was matched by this rule (fuzzy).
    /// Configurations stored before this setting existed read as <see cref="FuzzyIdentityChange.KeepExisting"/>.
    /// </summary>
    public FuzzyIdentityChange FuzzyIdentityChange { get; init; } = FuzzyIdentityChange.KeepExisting;

    /// <summary>
    /// Attribute → a field where a fuzzy match's second value is kept instead of being dropped (e.g. "email" →
    /// "secondary_email"): written only when that field is empty, never over a different value.
    /// </summary>
    public Dictionary<string, string> AlternativeFields { get; init; } = [];

    /// <summary>
    /// The region (ISO 3166, e.g. "GB") phone numbers without a country code and one-line addresses are read in; null
    /// uses the flow's default region (or "US" where there is no flow, as in a duplicate scan).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Region { get; init; }

    public string DisplayName => $"match rule {Name}";
}
