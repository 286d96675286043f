using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CrmGovernance.Benchmarks.Hosting;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Benchmarks.Security;

/// <summary>
/// What sign-in and sessions cost, and whether the time of a failed sign-in tells which emails have accounts:
/// the sign-in POST for a known email with a wrong password and for an unknown email, interleaved (each email gets
/// fewer failures than the lockout threshold); then a static file fetched with and without a sign-in cookie (the
/// difference is the cookie's work, the per-request session check included), and the session check's query alone.
/// </summary>
public sealed partial class SignInBenchmark : IBenchmarkCommand
{
    private const string Password = "marble heron quietly sixty";
    private const int AttemptsPerEmail = 4;

    public string Name => "sign-in";

    public string Usage => "failed sign-in time for known vs unknown emails, per-request session check cost  [--attempts 20] [--requests 500]";

    public async Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var attempts = options.Number("attempts", 20);
        var requests = options.Number("requests", 500);
        using var portal = new BenchmarkPortal();
        var emails = (attempts + AttemptsPerEmail - 1) / AttemptsPerEmail;
        for (var i = 0; i < emails; i++)
        {
            var created = await portal.AsAdminAsync(s => s.GetRequiredService<UserAdminService>().CreateAsync(
                new NewUser { Email = $"known{i}@example.com", DisplayName = $"Known {i}", Password = Password, Roles = [Roles.Auditor] }));
            if (!created.Succeeded)
            {
                Console.Error.WriteLine("Could not create a user: " + string.Join(" ", created.Errors));
                return 1;
            }
        }

        await FailedSignInAsync(portal, "warmup@example.com", cancellationToken); // JIT, connections, the placeholder hash
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < attempts; i++)
        {
            known.Add(await FailedSignInAsync(portal, $"known{i / AttemptsPerEmail}@example.com", cancellationToken));
            unknown.Add(await FailedSignInAsync(portal, $"nobody{i / AttemptsPerEmail}@example.com", cancellationToken));
        }
        Console.WriteLine($"failed sign-in, known email:   median {Median(known):F1} ms (min {known.Min():F1}, max {known.Max():F1}, {attempts} attempts)");
        Console.WriteLine($"failed sign-in, unknown email: median {Median(unknown):F1} ms (min {unknown.Min():F1}, max {unknown.Max():F1}, {attempts} attempts)");

        using var signedIn = await SignedInClientAsync(portal, "known0@example.com", cancellationToken);
        using var anonymous = NewClient(portal);
        var withCookie = await FetchTimesAsync(signedIn, requests, cancellationToken);
        var withoutCookie = await FetchTimesAsync(anonymous, requests, cancellationToken);
        Console.WriteLine($"static file, signed in: median {Median(withCookie):F3} ms; anonymous: median {Median(withoutCookie):F3} ms ({requests} requests each)");

        var userId = (await portal.AsAdminAsync(s => s.GetRequiredService<UserAdminService>().ListAsync("known0@example.com", 0, 1))).Items[0].Id;
        var reads = await portal.AsAdminAsync(async s =>
        {
            var reader = s.GetRequiredService<UserSessionStateReader>();
            var times = new List<double>();
            for (var i = 0; i < requests; i++)
            {
                var clock = Stopwatch.StartNew();
                await reader.ReadAsync(userId, cancellationToken);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            return times;
        });
        Console.WriteLine($"session check query alone: median {Median(reads):F3} ms ({requests} reads)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"known_ms={Median(known):F1} unknown_ms={Median(unknown):F1} cookie_overhead_ms={Median(withCookie) - Median(withoutCookie):F3} check_query_ms={Median(reads):F3}"));
        return 0;
    }

    /// <summary>The time of the sign-in POST alone (the form's GET, for the antiforgery token, is not timed).</summary>
    private static async Task<double> FailedSignInAsync(BenchmarkPortal portal, string email, CancellationToken cancellationToken)
    {
        using var client = NewClient(portal);
        using var form = LoginForm(await client.GetStringAsync("Account/Login", cancellationToken), email, "not the password at all");
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync("Account/Login", form, cancellationToken);
        await response.Content.ReadAsStringAsync(cancellationToken);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<HttpClient> SignedInClientAsync(BenchmarkPortal portal, string email, CancellationToken cancellationToken)
    {
        var client = NewClient(portal);
        using var form = LoginForm(await client.GetStringAsync("Account/Login", cancellationToken), email, Password);
        using var response = await client.PostAsync("Account/Login", form, cancellationToken);
        return response.StatusCode == HttpStatusCode.Redirect ? client : throw new InvalidOperationException($"Sign-in as {email} failed.");
    }

    private static async Task<List<double>> FetchTimesAsync(HttpClient client, int requests, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        for (var i = 0; i < requests + 50; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync("css/app.css", cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"css/app.css answered {(int)response.StatusCode}.");
            }
            if (i >= 50)
            {
                times.Add(clock.Elapsed.TotalMilliseconds); // the first 50 warm up
            }
        }
        return times;
    }

    private static FormUrlEncodedContent LoginForm(string page, string email, string password) => new(new Dictionary<string, string>
    {
        ["_handler"] = "login",
        ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value),
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    });

    private static HttpClient NewClient(BenchmarkPortal portal) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = portal.BaseAddress };

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
