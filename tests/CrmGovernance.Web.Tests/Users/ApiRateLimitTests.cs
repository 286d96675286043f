using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmGovernance.Web.Tests.Hosting;
using static CrmGovernance.Web.Tests.Users.ApiPortal;

namespace CrmGovernance.Web.Tests.Users;

public sealed class ApiRateLimitTests
{
    [Fact]
    public async Task A_token_over_its_rate_is_answered_429_with_retry_after_while_another_token_goes_on()
    {
        using var host = new PortalHost(settings: new Dictionary<string, string>
        {
            ["Demo:Live"] = "false",
            ["Sync:Worker"] = "false",
            ["Api:PermitsPerSecond"] = "1",
            ["Api:Burst"] = "3",
        });
        var busy = await CreateTokenAsync(host);
        var other = await CreateTokenAsync(host);
        using var client = host.NewClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var response = await GetAsync(client, "api/incidents?pageSize=1", busy.Secret);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 3, string.Join(", ", statuses));
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }
        using var fresh = await GetAsync(client, "api/incidents?pageSize=1", other.Secret);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }
}
