using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmGovernance.Web.Components.Shared;

internal static class PageSlotServices
{
    /// <summary>Puts <typeparamref name="TComponent"/> into the slot <paramref name="name"/>, after those added before it.</summary>
    public static IServiceCollection AddPageSlot<TComponent>(this IServiceCollection services, string name)
        where TComponent : IComponent
    {
        services.TryAddSingleton<PageSlots>();
        return services.AddSingleton(new PageSlot(name, typeof(TComponent)));
    }
}
