using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Tests.Features.Matching.Normalisers;

public sealed class WebDomainNormaliserTests
{
    [Theory]
    [InlineData("https://www.Acme.com/about", "acme.com")]
    [InlineData("http://acme.com:8080/?q=1#top", "acme.com")]
    [InlineData("www.acme.co.uk", "acme.co.uk")]
    [InlineData("ACME.COM", "acme.com")]
    [InlineData("//cdn.acme.com/x", "cdn.acme.com")]
    public void A_website_gives_its_domain_without_scheme_www_port_or_path(string raw, string domain) =>
        Assert.Equal(domain, WebDomainNormaliser.Normalise(raw));

    [Theory]
    [InlineData("jane.doe@Acme.co.uk", "acme.co.uk")]
    [InlineData("mailbox@www.acme.com", "acme.com")]
    public void An_email_address_gives_its_domain(string raw, string domain) => Assert.Equal(domain, WebDomainNormaliser.Normalise(raw));

    [Fact]
    public void The_website_and_an_employees_email_meet() =>
        Assert.Equal(WebDomainNormaliser.ForCompany("https://www.acme.com/"), WebDomainNormaliser.ForCompany("sales@acme.com"));

    [Theory]
    [InlineData("jane@gmail.com")]
    [InlineData("https://hotmail.co.uk")]
    public void A_free_mail_domain_says_nothing_about_a_company(string raw)
    {
        Assert.NotNull(WebDomainNormaliser.Normalise(raw));
        Assert.Null(WebDomainNormaliser.ForCompany(raw));
    }
}
