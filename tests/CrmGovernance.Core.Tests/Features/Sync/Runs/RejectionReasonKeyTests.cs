using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Tests.Features.Sync.Runs;

public sealed class RejectionReasonKeyTests
{
    [Theory]
    [InlineData("email 'ann@@example' is not a valid email address.", "email is not a valid email address")]
    [InlineData("phone '0123' is not valid for region 'GB' here. Fix the source.", "phone is not valid for region here")]
    [InlineData("it's 'x' fine", "it's fine")]
    [InlineData("ends with a value 'abc'", "ends with a value 'abc'")]
    [InlineData("an unclosed 'quote stays", "an unclosed 'quote stays")]
    [InlineData("empty '' value", "empty value")]
    [InlineData("   ", "(no reason)")]
    public void A_reason_is_grouped_without_the_quoted_values_followed_by_a_space(string reason, string key) =>
        Assert.Equal(key, RejectionReasons.Key(reason));

    [Fact]
    public void A_long_reason_full_of_quotes_is_keyed_without_a_timeout()
    {
        var reason = string.Concat(Enumerable.Repeat("field 'v' is wrong, ", 50_000)) + "end";

        var key = RejectionReasons.Key(reason);

        Assert.Equal(200, key.Length);
        Assert.DoesNotContain('\'', key);
    }
}
