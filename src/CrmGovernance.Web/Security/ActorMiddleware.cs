using System.Security.Claims;
using CrmGovernance.Core.Access;

namespace CrmGovernance.Web.Security;

/// <summary>Fills the request's <see cref="ActorContext"/>: who, from the UI or the API, under which trace id.</summary>
internal static class ActorMiddleware
{
    public static IApplicationBuilder UseActorContext(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var actor = context.RequestServices.GetRequiredService<ActorContext>();
        actor.CorrelationId = context.TraceIdentifier;
        Apply(actor, context.User, context.Request.Path.StartsWithSegments("/api") ? AuditSources.Api : AuditSources.Ui);
        await next(context);
    });

    public static void Apply(ActorContext actor, ClaimsPrincipal user, string source)
    {
        if (user.Identity?.IsAuthenticated == true)
        {
            actor.SetUser(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name,
                user.FindAll(ClaimTypes.Role).Select(c => c.Value), source);
        }
        else
        {
            actor.SetUser(null, null, [], source);
        }
    }
}
