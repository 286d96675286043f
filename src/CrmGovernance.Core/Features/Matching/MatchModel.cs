using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.Blocking;
using CrmGovernance.Core.Features.Matching.Comparators;
using CrmGovernance.Core.Features.Matching.Scoring;

namespace CrmGovernance.Core.Features.Matching;

/// <summary>
/// A match rule ready to run: prepares (normalises) records once, gives their blocking keys, and scores pairs.
/// Thread-safe after <see cref="Compile"/>.
/// </summary>
public sealed class MatchModel
{
    /// <summary>The region phone numbers without a country code are read in, unless the caller gives one.</summary>
    public const string DefaultPhoneRegion = "US";

    private MatchModel(MatchRule rule) => Rule = rule;

    public MatchRule Rule { get; }

    /// <summary>The region phone numbers without a country code are read in (ISO 3166, e.g. "GB").</summary>
    public string PhoneRegion { get; private init; } = DefaultPhoneRegion;

    /// <summary>The rule's blocking keys, parsed.</summary>
    public IReadOnlyList<BlockingKeyExpression> Keys { get; private init; } = [];

    /// <summary>The attributes this model reads, in slot order.</summary>
    public IReadOnlyList<string> Attributes => _attributes;

    internal ComparisonEvaluator[] Evaluators { get; private init; } = [];

    /// <summary>
    /// The share of cross pairs that must back a join of two clusters in a scan (<see cref="Clustering.AutoMatchClusters"/>).
    /// People's records chain through household members (one address, one phone, alike names), so a rule that compares
    /// person names asks for it; a company's names drift over the years ("Philips Gloeilampenfabrieken", "Koninklijke
    /// Philips Electronics") and link through the short name, while its sites are kept apart by <see cref="SiteGuard"/>,
    /// so a rule that does not compare person names joins on every auto-match.
    /// </summary>
    internal double ClusterSupport { get; private init; }

    /// <summary>
    /// Keeps pairs out of auto-match whose mailbox and employer both differ (<see cref="MailboxAndEmployerGuard"/>) or,
    /// for companies, whose phone and address both differ (<see cref="SiteGuard"/>); null when the rule calls for neither.
    /// </summary>
    internal IPairGuard? Guard { get; private init; }

    private string[] _attributes = [];
    private RecordPreparer _preparer = null!;
    private BlockingKeyBuilder _keys = null!;

    /// <summary>Compiles the rule; numbers and addresses are read in the rule's region, else <see cref="DefaultPhoneRegion"/>.</summary>
    public static MatchModel Compile(MatchRule rule) => Compile(rule, rule?.Region ?? DefaultPhoneRegion);

    /// <summary>Compiles the rule; phone numbers without a country code are read in <paramref name="phoneRegion"/> (a flow's default region).</summary>
    public static MatchModel Compile(MatchRule rule, string phoneRegion)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var attributes = new List<string>();
        int SlotOf(string attribute)
        {
            var slot = attributes.IndexOf(attribute);
            if (slot < 0)
            {
                attributes.Add(attribute);
                slot = attributes.Count - 1;
            }
            return slot;
        }
        var evaluators = new List<ComparisonEvaluator>();
        foreach (var comparison in rule.Comparisons)
        {
            if (!MatchAttributes.IsKnown(comparison.Attribute))
            {
                throw new InvalidOperationException($"Match rule {rule.Name}: unknown attribute \"{comparison.Attribute}\" (use one of {string.Join(", ", MatchAttributes.All)}).");
            }
            evaluators.Add(new ComparisonEvaluator(comparison, SlotOf(comparison.Attribute)));
        }
        var keys = rule.BlockingKeys.Select(k => BlockingKeyExpression.TryParse(k, out var key, out var error)
            ? key : throw new InvalidOperationException($"Match rule {rule.Name}: {error}")).ToList();
        var keySlots = keys.Select(k => k.Parts.Select(p => SlotOf(p.Attribute)).ToArray()).ToArray();
        var coded = new bool[attributes.Count];
        foreach (var evaluator in evaluators.Where(e => e.NeedsCodes))
        {
            coded[evaluator.Slot] = true;
        }
        var region = string.IsNullOrWhiteSpace(phoneRegion) ? DefaultPhoneRegion : phoneRegion.Trim().ToUpperInvariant();
        var phonetic = new PhoneticCache();
        return new MatchModel(rule)
        {
            PhoneRegion = region,
            Keys = keys,
            Evaluators = [.. evaluators],
            ClusterSupport = rule.Comparisons.Any(c => c.Attribute is MatchAttributes.FirstName or MatchAttributes.LastName or MatchAttributes.FullName)
                ? Clustering.AutoMatchClusters.CrossSupport : 0,
            Guard = PairGuards.Of(MailboxAndEmployerGuard.For(evaluators), SiteGuard.For(evaluators)),
            _attributes = [.. attributes],
            _preparer = new RecordPreparer([.. attributes], coded, region, phonetic),
            _keys = new BlockingKeyBuilder(keys, keySlots, phonetic),
        };
    }

    public PreparedRecord Prepare(MatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _preparer.Prepare(record);
    }

    /// <summary>The record's blocking keys, each prefixed so keys of different rule entries never collide.</summary>
    public IReadOnlyList<string> BlockingKeys(PreparedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var keys = new List<string>(Keys.Count);
        for (var k = 0; k < Keys.Count; k++)
        {
            if (_keys.Text(record, k) is { } key)
            {
                keys.Add(key);
            }
        }
        return keys;
    }

    /// <summary>The hash of the record's key for the rule's k-th blocking expression; 0 when a part is missing.</summary>
    internal long KeyHash(PreparedRecord record, int k) => _keys.Hash(record, k);

    public MatchScore Score(PreparedRecord left, PreparedRecord right) => Score(left, right, null);

    /// <summary>The score with exact name agreements weighed by how common the name is among the records matched.</summary>
    internal MatchScore Score(PreparedRecord left, PreparedRecord right, MatchPopulation? population)
    {
        var explanations = new ComparisonExplanation[Evaluators.Length];
        var weight = Rule.PriorWeight + (population?.PriorAdjustment ?? 0);
        for (var i = 0; i < Evaluators.Length; i++)
        {
            explanations[i] = Evaluators[i].Explain(left, right, population);
            weight += explanations[i].Weight;
        }
        var probability = Probability(weight);
        var decision = Decide(probability);
        if (decision != MatchDecision.Distinct && Guard is { } guard && guard.Applies(left, right))
        {
            // The steward sees why a pair above the auto-match threshold waits for them.
            return new MatchScore(weight, probability, MatchDecision.Review, [.. explanations, guard.Explain(left, right)]);
        }
        return new MatchScore(weight, probability, decision, explanations);
    }

    /// <summary>The summed weight of a pair without explanations: what scans run per candidate pair.</summary>
    internal double Weight(PreparedRecord left, PreparedRecord right, MatchPopulation? population = null)
    {
        var weight = Rule.PriorWeight + (population?.PriorAdjustment ?? 0);
        var names = default(NamePairing);
        foreach (var evaluator in Evaluators)
        {
            weight += evaluator.Weigh(evaluator.Similarity(left, right, ref names, evaluator.Floor, population), left, right, population);
        }
        return weight;
    }

    /// <summary>2^w / (1 + 2^w): the match probability of a summed weight.</summary>
    public static double Probability(double weight) => 1.0 / (1.0 + Math.Pow(2, -weight));

    /// <summary>
    /// The decision for a pair: as <see cref="Decide(double)"/>, but a pair whose mailbox and employer both differ is
    /// reviewed, never auto-matched (<see cref="MailboxAndEmployerGuard"/>).
    /// </summary>
    public MatchDecision Decide(PreparedRecord left, PreparedRecord right, double probability)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var decision = Decide(probability);
        return decision == MatchDecision.AutoMatch && Guard is { } guard && guard.Applies(left, right) ? MatchDecision.Review : decision;
    }

    /// <summary>What the probability alone means under the rule's thresholds; a pair's decision is <see cref="Decide(PreparedRecord, PreparedRecord, double)"/>.</summary>
    public MatchDecision Decide(double probability) =>
        probability >= Rule.AutoMatchThreshold ? MatchDecision.AutoMatch
        : probability >= Rule.ReviewThreshold ? MatchDecision.Review
        : MatchDecision.Distinct;
}
