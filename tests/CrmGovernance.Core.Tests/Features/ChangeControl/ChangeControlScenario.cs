using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.ChangeControl;

/// <summary>
/// A test database with the demo configuration published as version 1, and the people who work on it:
/// two business owners (one owns every object), an admin and a steward.
/// </summary>
internal sealed class ChangeControlScenario : IAsyncDisposable
{
    public const string Owner = "owner@example.com";
    public const string OtherOwner = "other.owner@example.com";
    public const string Admin = "admin@example.com";
    public const string Steward = "steward@example.com";

    private ChangeControlScenario(CoreTestHost host) => Host = host;

    public CoreTestHost Host { get; }

    public static async Task<ChangeControlScenario> StartAsync(GovernanceConfiguration? baseline = null)
    {
        var host = await CoreTestHost.StartAsync();
        var scenario = new ChangeControlScenario(host);
        // The baseline goes through the same path as every later change: a draft by one owner, approved by the admin.
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Baseline", "Test baseline"));
        foreach (var item in AllItems(baseline ?? DemoConfiguration.Build(Owner, Steward)))
        {
            await scenario.AsOwner(s => s.SaveItemAsync(id, item));
        }
        Require(await scenario.AsOwner(s => s.SubmitAsync(id)));
        Require(await scenario.As(Admin, [Roles.Admin], (ChangeRequestReview r) => r.ApproveAsync(id, null)));
        return scenario;
    }

    public Task<T> AsOwner<T>(Func<ChangeRequestService, Task<T>> action) => As(Owner, [Roles.BusinessOwner], action);

    public async Task<T> As<TService, T>(string name, string[] roles, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = Host.Scope(a => a.SetUser("id-" + name, name, roles, AuditSources.Ui));
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<T> As<T>(string name, string[] roles, Func<ChangeRequestReview, Task<T>> action) => As<ChangeRequestReview, T>(name, roles, action);

    public async Task<PublishedSnapshot> CurrentAsync()
    {
        await using var scope = Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PublishedConfiguration>().CurrentAsync();
    }

    public static IEnumerable<IConfigurationItem> AllItems(GovernanceConfiguration c) =>
        Enum.GetValues<ConfigurationItemKind>().SelectMany(k => ConfigurationItems.Of(c, k));

    public static void Require(OperationResult result) =>
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
