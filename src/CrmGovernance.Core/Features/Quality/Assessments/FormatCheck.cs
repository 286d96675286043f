namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>The format a field's values are checked against (from its type, or for postcodes and web addresses its name).</summary>
public enum FormatCheck { None, Email, Phone, Date, Postcode, Url }
