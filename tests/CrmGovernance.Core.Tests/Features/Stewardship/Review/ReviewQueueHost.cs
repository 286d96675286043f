using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Review;

/// <summary>
/// A migrated test database with a clock the tests move, review items written straight into it, and the review queue's
/// services (those that need no target system) working on it as a user of a given role.
/// </summary>
internal sealed class ReviewQueueHost : IAsyncDisposable
{
    public static readonly Guid Crm = Guid.NewGuid();
    public static readonly Guid Shop = Guid.NewGuid();
    public static readonly Guid Contact = Guid.NewGuid();

    private ReviewQueueHost(CoreTestHost host) => Host = host;

    public CoreTestHost Host { get; }
    public DateTime Now => Host.Clock.GetUtcNow().UtcDateTime;

    public static async Task<ReviewQueueHost> StartAsync() => new(await CoreTestHost.StartAsync());

    public ReviewItem Item(string left, string right, double score = 0.8, double ageDays = 0, ReviewStatus status = ReviewStatus.Open,
        string? assignedTo = null, Guid? system = null) => new()
    {
        SystemId = system ?? Crm, ObjectId = Contact, LeftRecordId = left, RightRecordId = right, Score = score, Status = status,
        AssignedTo = assignedTo, CreatedUtc = Now.AddDays(-ageDays),
    };

    public async Task<long[]> AddAsync(params ReviewItem[] items)
    {
        await using var scope = Host.Scope(a => a.SetSystem("test-seed", null));
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.ReviewItems.AddRange(items);
        await db.SaveChangesAsync();
        return items.Select(i => i.Id).ToArray();
    }

    public async Task ExcludeAsync(string left, string right, Guid? system = null)
    {
        await using var scope = Host.Scope(a => a.SetSystem("test-seed", null));
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.MatchExclusions.Add(new MatchExclusion { SystemId = system ?? Crm, ObjectId = Contact, LeftRecordId = left, RightRecordId = right, DecidedBy = "someone", DecidedUtc = Now });
        await db.SaveChangesAsync();
    }

    public static ReviewCandidate Candidate(string left, string right, Guid? system = null) =>
        new(system ?? Crm, Contact, left, right, 0.82, [new("email", "Email", left + "@x.test", right + "@x.test", 0.93, "≥ 0.92", 7.1)]) { FlowId = Guid.Empty };

    /// <summary>A review service created in a scope acting as a user of the role (a steward unless said otherwise).</summary>
    public async Task<T> AsAsync<TService, T>(Func<TService, Task<T>> use, string role = Roles.Steward, string? name = null)
    {
        await using var scope = Host.ScopeAs(name ?? role.ToLowerInvariant() + "@example.com", role);
        return await use(ActivatorUtilities.CreateInstance<TService>(scope.ServiceProvider));
    }

    public async Task<List<ReviewItem>> ItemsAsync()
    {
        await using var scope = Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().ReviewItems.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
