namespace CrmGovernance.Core.Access;

/// <summary>
/// Who is acting in the current scope (HTTP request, Blazor circuit or job run), where from, and under which
/// correlation id. The host fills it; every audit row and every privileged service call reads it.
/// </summary>
public sealed class ActorContext
{
    private HashSet<string> _roles = new(StringComparer.Ordinal);

    public string? UserId { get; private set; }
    public string Name { get; private set; } = "anonymous";
    public string Source { get; private set; } = AuditSources.Ui;
    public string? CorrelationId { get; set; }
    public IReadOnlyCollection<string> Roles => _roles;

    public bool IsAuthenticated => UserId is not null;

    /// <summary>A job of the portal itself (scheduler, worker, command line): not a person, so no role limits it.</summary>
    public bool IsSystem { get; private set; }
    public bool IsInRole(string role) => _roles.Contains(role);

    public void SetUser(string? userId, string? name, IEnumerable<string> roles, string source)
    {
        UserId = userId;
        Name = string.IsNullOrEmpty(name) ? (userId ?? "anonymous") : name;
        _roles = new HashSet<string>(roles, StringComparer.Ordinal);
        Source = source;
        IsSystem = false;
    }

    public void SetSystem(string job, string? correlationId)
    {
        UserId = null;
        Name = "system:" + job;
        _roles.Clear();
        IsSystem = true;
        Source = AuditSources.Worker;
        CorrelationId = correlationId;
    }

    /// <summary>Carries this actor into another scope (e.g. a short-lived scope for one operation).</summary>
    public void CopyTo(ActorContext other)
    {
        other.UserId = UserId;
        other.Name = Name;
        other._roles = new HashSet<string>(_roles, StringComparer.Ordinal);
        other.Source = Source;
        other.IsSystem = IsSystem;
        other.CorrelationId = CorrelationId;
    }

    public static ActorContext System(string job, string? correlationId = null)
    {
        var actor = new ActorContext();
        actor.SetSystem(job, correlationId);
        return actor;
    }
}
