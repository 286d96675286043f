using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Tests.Features.Matching.Normalisers;

public sealed class EmailNormaliserTests
{
    [Theory]
    [InlineData("John.Smith@Example.COM", "john.smith@example.com")]
    [InlineData("  john.smith@example.com\t", "john.smith@example.com")]
    [InlineData("<john.smith@example.com>", "john.smith@example.com")]
    [InlineData("mailto:John.Smith@example.com", "john.smith@example.com")]
    [InlineData("john.smith+newsletter@example.com", "john.smith@example.com")]
    [InlineData("john.smith+a+b@example.com", "john.smith@example.com")]
    [InlineData("john.smith@example.com.", "john.smith@example.com")]
    public void An_address_is_trimmed_lower_cased_and_loses_its_plus_tag(string raw, string canonical) =>
        Assert.Equal(canonical, EmailNormaliser.Normalise(raw));

    [Theory]
    [InlineData("J.O.H.N.Smith@gmail.com", "johnsmith@gmail.com")]
    [InlineData("john.smith+shop@GoogleMail.com", "johnsmith@gmail.com")]
    public void Gmail_ignores_dots_and_googlemail_is_gmail(string raw, string canonical) =>
        Assert.Equal(canonical, EmailNormaliser.Normalise(raw));

    [Fact]
    public void Dots_count_at_other_providers() =>
        Assert.NotEqual(EmailNormaliser.Normalise("john.smith@example.com"), EmailNormaliser.Normalise("johnsmith@example.com"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_address_is_missing(string? raw) => Assert.Null(EmailNormaliser.Normalise(raw));

    [Fact]
    public void Local_part_and_domain_split_at_the_last_at_sign()
    {
        Assert.Equal("ann", EmailNormaliser.Local("ann@example.org").ToString());
        Assert.Equal("example.org", EmailNormaliser.Domain("ann@example.org").ToString());
        Assert.Equal("", EmailNormaliser.Domain("no-at-sign").ToString());
    }
}
