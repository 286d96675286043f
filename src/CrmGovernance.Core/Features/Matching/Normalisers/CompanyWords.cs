using System.Collections.Frozen;

namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// The words <see cref="CompanyNameNormaliser"/> treats specially: legal forms (in any language the registries of
/// Europe, the Americas and Asia-Pacific use), the abbreviations people write, and the words that join names.
/// </summary>
internal static class CompanyWords
{
    /// <summary>Legal forms that mark the end of a name: what follows them is a place, an address or a second form.</summary>
    public static readonly FrozenSet<string> LegalForms = new[]
    {
        "ltd", "limited", "gmbh", "mbh", "inc", "incorporated", "llc", "llp", "lp", "plc", "sa", "sas", "sarl", "srl", "spa",
        "ag", "kg", "kgaa", "ohg", "bv", "nv", "bvba", "cvba", "vof", "pty", "pte", "corp", "corporation", "oy", "oyj", "asa",
        "kk", "sl", "sro", "lda", "ltda", "cv", "ug", "bhd", "sdn", "kft", "zrt", "aps", "spzoo", "sae", "gie", "ev", "eg",
        "nl", "na", "ab",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that are a legal form only at the end of a name ("Acme Co", "Acme Group"), a plain word inside it.</summary>
    public static readonly FrozenSet<string> TrailingForms = new[]
    {
        "co", "company", "as", "se", "group", "holding", "holdings", "and",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Legal forms written before the name ("N.V. Philips", "BV Acme"), dropped there.</summary>
    public static readonly FrozenSet<string> LeadingForms = new[] { "nv", "bv", "oy", "pt", "the" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Legal forms of several words, matched word by word.</summary>
    public static readonly string[][] LongForms =
    [
        ["naamloze", "vennootschap"], ["besloten", "vennootschap"], ["societe", "anonyme"], ["aktiengesellschaft"],
        ["gesellschaft", "mit", "beschrankter", "haftung"], ["kabushiki", "kaisha"], ["aktiebolag"], ["aktiebolaget"],
        ["public", "limited", "company"], ["limited", "liability", "company"], ["societa", "per", "azioni"],
        ["sociedad", "anonima"], ["societe", "par", "actions", "simplifiee"], ["sp", "z", "oo"], ["proprietary", "limited"],
    ];

    /// <summary>Words that join names and say nothing about which company it is.</summary>
    public static readonly FrozenSet<string> Joiners = new[] { "and", "the", "of", "und", "et", "en" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Abbreviations spelled out, one spelling per word ("intl" → "international", "technologies" → "technology").</summary>
    public static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["intl"] = "international", ["internat"] = "international", ["int"] = "international", ["mfg"] = "manufacturing",
        ["mfr"] = "manufacturing", ["mfrs"] = "manufacturing", ["manufacturers"] = "manufacturing", ["tech"] = "technology",
        ["techn"] = "technology", ["technologies"] = "technology", ["labs"] = "laboratories", ["lab"] = "laboratories",
        ["laboratory"] = "laboratories", ["svcs"] = "services", ["svc"] = "services", ["sys"] = "systems", ["bros"] = "brothers",
        ["natl"] = "national", ["assoc"] = "associates", ["assn"] = "association", ["ind"] = "industries", ["inds"] = "industries",
        ["industry"] = "industries", ["chem"] = "chemical", ["chemicals"] = "chemical", ["eng"] = "engineering",
        ["engg"] = "engineering", ["mgmt"] = "management", ["univ"] = "university", ["ctr"] = "center", ["centre"] = "center",
        ["dept"] = "department", ["hldgs"] = "holdings", ["grp"] = "group", ["elec"] = "electric", ["mfrg"] = "manufacturing",
        ["pharma"] = "pharmaceuticals", ["pharm"] = "pharmaceuticals", ["pharmaceutical"] = "pharmaceuticals",
        ["service"] = "services", ["sol"] = "solutions", ["solution"] = "solutions", ["amer"] = "america",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
