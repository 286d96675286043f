using System.Net;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>Signs in through the real sign-in form, as a browser would.</summary>
public static class SignIn
{
    public static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        Forms.PostAsync(client, "Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public static async Task<HttpClient> AsAsync(PortalHost host, string email, string password)
    {
        var client = host.NewClient();
        var response = await PostLoginAsync(client, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed with {(int)response.StatusCode}.");
        return client;
    }
}
