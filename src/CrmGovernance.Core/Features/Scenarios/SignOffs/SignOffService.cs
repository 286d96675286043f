using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Scenarios.SignOffs;

/// <summary>
/// Acceptance reviewers on a change request: its author (or an admin) names them, each is told and answers for
/// themselves, and approval waits for every sign-off (<see cref="SignOffGate"/>). A reviewer needs no role beyond
/// signing in: they see the request through <see cref="SignOffView"/>, in business language.
/// </summary>
public sealed class SignOffService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, TimeProvider time)
{
    public const int MaxCommentLength = 2000;

    public async Task<IReadOnlyList<SignOff>> ListAsync(Guid changeRequestId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await EnsureMayReadAsync(db, changeRequestId, cancellationToken);
        return await db.SignOffs.AsNoTracking().Where(s => s.ChangeRequestId == changeRequestId).OrderBy(s => s.RequestedUtc).ToListAsync(cancellationToken);
    }

    /// <summary>What a reviewer is asked about: the request's label, title, reason, author and state, and what it changes, by name.</summary>
    public async Task<SignOffSubject?> SubjectAsync(Guid changeRequestId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await EnsureMayReadAsync(db, changeRequestId, cancellationToken);
        var request = await db.ChangeRequests.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == changeRequestId, cancellationToken);
        if (request is null)
        {
            return null;
        }
        var me = actor.UserId;
        var mine = me is null ? null : await db.SignOffs.AsNoTracking().FirstOrDefaultAsync(s => s.ChangeRequestId == changeRequestId && s.ReviewerId == me, cancellationToken);
        var changes = request.Items.OrderBy(i => i.Kind).ThenBy(i => i.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(i => $"{(i.BeforeJson is null ? "adds" : i.AfterJson is null ? "removes" : "changes")} the {i.DisplayName}").ToList();
        return new SignOffSubject(request.Label, request.Title, request.Reason, request.AuthorName, request.Status, changes, mine,
            ChangeRequestChecks.Fingerprint(request.Items));
    }

    /// <summary>Names an acceptance reviewer by the email they sign in with, and tells them.</summary>
    public async Task<OperationResult> RequestAsync(Guid changeRequestId, string email, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ChangeRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == changeRequestId, cancellationToken);
        if (Refusal(request) is { } refusal)
        {
            return refusal;
        }
        var normalized = (email ?? "").Trim().ToUpperInvariant();
        var user = normalized.Length == 0 ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null || user.IsDisabled)
        {
            return OperationResult.Fail($"Nobody with the email \"{email?.Trim()}\" can sign in here; name someone who has an account.");
        }
        if (user.Id == actor.UserId)
        {
            return OperationResult.Fail("Name someone other than yourself: a sign-off is another person's agreement.");
        }
        if (user.Id == request!.AuthorId)
        {
            return OperationResult.Fail("The author cannot sign off their own change; name someone from the team who works with the data.");
        }
        if (await db.SignOffs.AnyAsync(s => s.ChangeRequestId == changeRequestId && s.ReviewerId == user.Id, cancellationToken))
        {
            return OperationResult.Fail($"{user.DisplayName} is named already.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var name = user.DisplayName.Length > 0 ? user.DisplayName : user.Email ?? user.Id;
        db.SignOffs.Add(new SignOff
        {
            Id = Guid.CreateVersion7(), ChangeRequestId = changeRequestId, ReviewerId = user.Id, ReviewerName = name, ReviewerEmail = user.Email ?? "",
            RequestedBy = actor.Name, RequestedUtc = now, Decision = SignOffDecision.Pending,
        });
        db.Add(new Notification
        {
            UserEmail = user.Email ?? "", Title = $"Sign-off asked: {request.Label}", Severity = IncidentSeverity.Low, CreatedUtc = now,
            Text = $"{actor.Name} asks you to check that \"{request.Title}\" works for your team, and to sign off or raise a concern.",
            LinkPath = $"/sign-off/{changeRequestId}",
        });
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>Takes a reviewer off the request: its author or an admin; a concern only an admin may set aside.</summary>
    public async Task<OperationResult> RemoveAsync(Guid signOffId, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var signOff = await db.SignOffs.FirstOrDefaultAsync(s => s.Id == signOffId, cancellationToken);
        var request = signOff is null ? null : await db.ChangeRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == signOff.ChangeRequestId, cancellationToken);
        if (Refusal(request) is { } refusal)
        {
            return refusal;
        }
        if (signOff!.Decision == SignOffDecision.Concern && !actor.Roles.Contains(Roles.Admin))
        {
            return OperationResult.Fail($"{signOff.ReviewerName} raised a concern; answer it with them, or ask an admin to set it aside.");
        }
        db.SignOffs.Remove(signOff);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>The named reviewer's own answer: sign off, or raise a concern (which needs words).</summary>
    /// <param name="seenFingerprint">The content the reviewer read (<see cref="SignOffSubject.Fingerprint"/>); refused when the request changed since.</param>
    public async Task<OperationResult> DecideAsync(Guid signOffId, SignOffDecision decision, string? comment, string? seenFingerprint = null,
        CancellationToken cancellationToken = default)
    {
        if (actor.UserId is null)
        {
            throw new UnauthorizedAccessException("Sign in to answer a sign-off.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var signOff = await db.SignOffs.FirstOrDefaultAsync(s => s.Id == signOffId, cancellationToken);
        if (signOff is null || signOff.ReviewerId != actor.UserId)
        {
            return OperationResult.Fail("Only the person asked can answer this sign-off.");
        }
        var request = await db.ChangeRequests.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == signOff.ChangeRequestId, cancellationToken);
        if (request is null || request.Status is not (ChangeRequestStatus.Draft or ChangeRequestStatus.Submitted))
        {
            return OperationResult.Fail("That change request has been decided; there is nothing to sign off any more.");
        }
        if (seenFingerprint is not null && seenFingerprint != ChangeRequestChecks.Fingerprint(request.Items))
        {
            return OperationResult.Fail($"{request.Label} was edited after you opened it: read what it holds now, then answer.");
        }
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (decision == SignOffDecision.Pending || (decision == SignOffDecision.Concern && comment is null))
        {
            return OperationResult.Fail("Say what worries you, so the author can answer it.");
        }
        if (comment?.Length > MaxCommentLength)
        {
            return OperationResult.Fail($"Keep the comment under {MaxCommentLength:N0} characters.");
        }
        (signOff.Decision, signOff.Comment, signOff.DecidedUtc) = (decision, comment, time.GetUtcNow().UtcDateTime);
        signOff.Fingerprint = ChangeRequestChecks.Fingerprint(request.Items);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>The signed-in user's sign-offs still to give (for Home), oldest first.</summary>
    public async Task<IReadOnlyList<(SignOff SignOff, string Label, string Title)>> WaitingForMeAsync(CancellationToken cancellationToken = default)
    {
        if (actor.UserId is not { } me)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.SignOffs.AsNoTracking().Where(s => s.ReviewerId == me && s.Decision != SignOffDecision.SignedOff)
            .Join(db.ChangeRequests.Where(r => r.Status == ChangeRequestStatus.Draft || r.Status == ChangeRequestStatus.Submitted),
                s => s.ChangeRequestId, r => r.Id, (s, r) => new { SignOff = s, r.Number, r.Title })
            .OrderBy(x => x.SignOff.RequestedUtc).Take(50).ToListAsync(cancellationToken);
        return [.. rows.Select(x => (x.SignOff, ChangeRequest.LabelOf(x.Number), x.Title))];
    }

    /// <summary>Readers of the configuration, and the reviewers named on the request.</summary>
    internal async Task EnsureMayReadAsync(CrmDbContext db, Guid changeRequestId, CancellationToken cancellationToken)
    {
        if (actor.Holds(Capability.ReadConfiguration))
        {
            return;
        }
        var me = actor.UserId;
        if (me is null || !await db.SignOffs.AnyAsync(s => s.ChangeRequestId == changeRequestId && s.ReviewerId == me, cancellationToken))
        {
            throw new UnauthorizedAccessException("Only readers of the configuration, and the acceptance reviewers named on it, may see this change request's sign-off.");
        }
    }

    private OperationResult? Refusal(ChangeRequest? request) =>
        request is null ? OperationResult.Fail("That change request does not exist.")
        : request.AuthorId != (actor.UserId ?? actor.Name) && !actor.Roles.Contains(Roles.Admin)
            ? OperationResult.Fail($"Only {request.AuthorName}, who drafted {request.Label}, or an admin may name or remove its acceptance reviewers.")
        : request.Status is not (ChangeRequestStatus.Draft or ChangeRequestStatus.Submitted)
            ? OperationResult.Fail($"{request.Label} is {request.Status.ToString().ToLowerInvariant()}; reviewers can be named only before it is decided.")
        : null;
}
