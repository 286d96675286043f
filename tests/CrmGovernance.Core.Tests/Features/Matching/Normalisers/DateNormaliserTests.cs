using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Tests.Features.Matching.Normalisers;

public sealed class DateNormaliserTests
{
    [Theory]
    [InlineData("1971-06-24")]
    [InlineData("19710624")]
    [InlineData("1971/06/24")]
    [InlineData("1971.06.24")]
    [InlineData("1971-6-24")]
    [InlineData("24/06/1971")]
    [InlineData("24.06.1971")]
    [InlineData("24-06-1971")]
    [InlineData("24/6/1971")]
    [InlineData("06/24/1971")]
    [InlineData("24 Jun 1971")]
    [InlineData("24 June 1971")]
    [InlineData("June 24, 1971")]
    [InlineData("24-Jun-1971")]
    [InlineData(" 1971-06-24T08:30:00Z ")]
    public void Common_spellings_of_a_date_give_the_iso_date(string raw) => Assert.Equal("1971-06-24", DateNormaliser.Normalise(raw));

    [Fact]
    public void An_ambiguous_date_is_read_day_first() => Assert.Equal("1971-06-05", DateNormaliser.Normalise("05/06/1971"));

    [Fact]
    public void A_date_shaped_typo_keeps_its_digits_so_it_still_compares() =>
        Assert.Equal("1955-11-92", DateNormaliser.Normalise("19551192"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("unknown")]
    [InlineData("31 Foo 1990")]
    public void Something_that_is_not_a_date_is_missing(string? raw) => Assert.Null(DateNormaliser.Normalise(raw));

    [Fact]
    public void A_normalised_date_reads_as_one_number()
    {
        Assert.Equal(19710624, DateNormaliser.ToNumber("1971-06-24"));
        Assert.Equal(-1, DateNormaliser.ToNumber("24/06/1971"));
        Assert.Equal(-1, DateNormaliser.ToNumber(null));
    }
}
