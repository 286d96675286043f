using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Users;

public sealed class PasswordPolicyValidatorTests
{
    [Fact]
    public void Eleven_characters_are_refused_however_random()
    {
        var result = PasswordPolicyValidator.Validate("kwzbrtlvox7");

        Assert.Equal("PasswordTooShort", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void More_than_128_characters_are_refused()
    {
        var phrase = string.Join(' ', Enumerable.Repeat("violet harbour quantum pickle", 5));
        Assert.Equal(149, phrase.Length);

        var result = PasswordPolicyValidator.Validate(phrase);

        Assert.Equal("PasswordTooLong", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop12")]
    [InlineData("Password123!")]
    [InlineData("iloveyou2024")]
    [InlineData("123456789012")]
    public void A_long_enough_but_common_password_is_refused(string password)
    {
        var result = PasswordPolicyValidator.Validate(password);

        var error = Assert.Single(result.Errors);
        Assert.Equal("PasswordTooGuessable", error.Code);
        Assert.Contains("common password", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_built_on_the_users_email_is_refused_though_it_would_pass_for_someone_else()
    {
        Assert.True(PasswordPolicyValidator.Validate("jbrightwater2024", "someone@example.com").Succeeded);

        var result = PasswordPolicyValidator.Validate("jbrightwater2024", "JBrightwater@example.com", "Jo Brightwater");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PasswordTooGuessable", error.Code);
        Assert.Contains("your name, your email", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_built_on_the_product_name_is_refused()
    {
        var result = PasswordPolicyValidator.Validate("crmgovernance1");

        Assert.Equal("PasswordTooGuessable", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("correct staple orbit lantern")]
    [InlineData("zephyrquokka9")]
    public void A_long_passphrase_of_lowercase_words_is_accepted_without_composition_rules(string password)
    {
        Assert.True(PasswordPolicyValidator.Validate(password, "grace@example.com", "Grace Hopper").Succeeded);
    }

    [Fact]
    public async Task Identity_refuses_to_create_a_user_whose_password_contains_their_email()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.ScopeAs("ada");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "jbrightwater@example.com", Email = "jbrightwater@example.com", DisplayName = "Jo" };

        var result = await users.CreateAsync(user, "jbrightwater2024");

        Assert.Contains(result.Errors, e => e.Code == "PasswordTooGuessable");
        Assert.Null(await users.FindByEmailAsync("jbrightwater@example.com"));
        Assert.Empty(await host.AuditRowsAsync());
    }
}
