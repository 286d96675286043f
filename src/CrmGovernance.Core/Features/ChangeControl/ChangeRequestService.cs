using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>
/// Drafting change requests: every create, edit and delete of governed configuration is recorded as an item of the
/// author's open draft, kept across sessions, and takes effect only when someone else approves it.
/// </summary>
public sealed partial class ChangeRequestService(
    IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published, TimeProvider clock,
    ConnectorSettingsCheck connectorSettings, ChangeRequestDrafts drafts, ChangeRequestChecks checks)
{
    /// <param name="restoresVersion">For a rollback: the version the request restores.</param>
    public async Task<Guid> CreateDraftAsync(string title, string reason, int? restoresVersion = null, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException("Give the change request a title.", nameof(title));
        }
        // Numbers are max + 1; two drafts started at the same moment collide on the unique index, so retry.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InsertDraftAsync(title, reason, restoresVersion, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }

    private async Task<Guid> InsertDraftAsync(string title, string reason, int? restoresVersion, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new ChangeRequest
        {
            Id = Guid.CreateVersion7(),
            Number = (await db.ChangeRequests.MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1,
            Title = title.Trim(),
            Reason = reason.Trim(),
            Status = ChangeRequestStatus.Draft,
            AuthorId = actor.UserId ?? actor.Name,
            AuthorName = actor.Name,
            CreatedUtc = now,
            UpdatedUtc = now,
            RestoresVersion = restoresVersion,
        };
        db.ChangeRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return request.Id;
    }

    public async Task<ChangeRequest?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ReadConfiguration);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChangeRequests.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    public async Task<PagedResult<ChangeRequestSummary>> ListAsync(ChangeRequestStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ReadConfiguration);
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ChangeRequests.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.Number).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(r => new ChangeRequestSummary(r.Id, r.Number, r.Title, r.Status, r.AuthorName, r.CreatedUtc, r.UpdatedUtc,
                r.Items.Count, r.PublishedVersion, r.DecidedByName))
            .ToListAsync(cancellationToken);
        return new PagedResult<ChangeRequestSummary>(rows, total);
    }

    /// <summary>The signed-in user's drafts, newest first: where their next edit can go.</summary>
    public async Task<IReadOnlyList<ChangeRequestSummary>> MyDraftsAsync(CancellationToken cancellationToken = default)
    {
        if (!ChangeControlAccess.MayDraft(actor))
        {
            return [];
        }
        var me = actor.UserId ?? actor.Name;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChangeRequests.AsNoTracking().Where(r => r.AuthorId == me && r.Status == ChangeRequestStatus.Draft)
            .OrderByDescending(r => r.Number)
            .Select(r => new ChangeRequestSummary(r.Id, r.Number, r.Title, r.Status, r.AuthorName, r.CreatedUtc, r.UpdatedUtc,
                r.Items.Count, r.PublishedVersion, r.DecidedByName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The configuration as it will be if the request is approved: published version plus its items.</summary>
    public async Task<GovernanceConfiguration> DraftConfigurationAsync(Guid id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ReadConfiguration);
        return await drafts.ConfigurationAsync(id, cancellationToken) ?? throw new KeyNotFoundException("That change request does not exist.");
    }

    public async Task<IReadOnlyList<ItemDiff>> DiffAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var current = (await published.CurrentAsync(cancellationToken)).Configuration;
        return ConfigurationDiff.Between(current, await DraftConfigurationAsync(id, cancellationToken));
    }

    private OperationResult? EditRefusal(ChangeRequest? request) =>
        request is null ? OperationResult.Fail("That change request does not exist.")
        : !IsAuthor(request) ? OperationResult.Fail($"Only {request.AuthorName}, who drafted {request.Label}, may edit it.")
        : request.Status != ChangeRequestStatus.Draft ? OperationResult.Fail($"{request.Label} is {request.Status.ToString().ToLowerInvariant()}; only drafts can be edited.")
        : null;

    private bool IsAuthor(ChangeRequest request) => request.AuthorId == (actor.UserId ?? actor.Name) && ChangeControlAccess.MayDraft(actor);
}
