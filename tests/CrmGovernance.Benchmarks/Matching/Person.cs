namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// The truth about one synthetic person, before any system wrote it down. <see cref="Phone"/> is national, the
/// dialling code and the number split by one space ("07911 123456", "020 79460123"); any value may be unknown.
/// </summary>
internal sealed record Person(string FirstName, string LastName, string? Email, string? Phone, DateOnly? Dob, Town? Town, string? Postcode);
