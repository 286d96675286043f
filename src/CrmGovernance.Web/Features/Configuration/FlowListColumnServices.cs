using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmGovernance.Web.Features.Configuration;

public static class FlowListColumnServices
{
    /// <summary>Adds <typeparamref name="TColumn"/> to the Flows list, after the columns added before it.</summary>
    public static IServiceCollection AddFlowListColumn<TColumn>(this IServiceCollection services)
        where TColumn : class, IFlowListColumn
    {
        services.TryAddScoped<FlowListColumns>();
        return services.AddScoped<IFlowListColumn, TColumn>();
    }
}
