namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>
/// How two normalised values are compared: equality; Jaro–Winkler or Levenshtein similarity; the phonetic code
/// (Double Metaphone); dates tolerant of a day/month swap; numbers by relative difference; person names token-wise
/// with nicknames and first/last swaps; email addresses by local part and domain; company names word by word, rare
/// words weighing more; phone numbers, a local number without its area code by its subscriber part.
/// </summary>
public enum ComparatorKind { Exact, JaroWinkler, Levenshtein, Phonetic, Date, Numeric, PersonName, Email, CompanyName, Phone }
