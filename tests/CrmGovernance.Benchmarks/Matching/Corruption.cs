namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// What can differ between a duplicate and the person it copies, in the order they are applied (a nickname before a
/// typo in it, a swap after both). The phone and date spellings differ anyway: each record picks its own.
/// </summary>
internal enum Corruption
{
    Nickname, FirstNameTypo, LastNameTypo, NameSwap, NameCase, FirstNameMissing,
    EmailTypo, EmailDomainTypo, EmailUpperCase, EmailOther, EmailMissing,
    PhoneTypo, PhoneMissing,
    DobDayMonthSwap, DobTypo, DobMissing,
    CityVariant, CityMissing,
    PostcodeFormat, PostcodeTypo, PostcodeMissing,
}
