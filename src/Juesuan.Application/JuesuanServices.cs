using Microsoft.Extensions.DependencyInjection;

namespace Juesuan.Application;

/// <summary>Registers the use cases with a host's service container.</summary>
public static class JuesuanServices
{
    /// <summary>
    /// Adds every use case (<see cref="Reports"/>, <see cref="Library"/>, <see cref="Audits"/>, <see cref="Scores"/>,
    /// <see cref="Renderer"/>, <see cref="Uploads"/>) as singletons sharing one <see cref="JuesuanOptions"/>.
    /// </summary>
    public static IServiceCollection AddJuesuan(this IServiceCollection services, Action<JuesuanOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new JuesuanOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddSingleton<Library>();
        services.AddSingleton<Reports>();
        services.AddSingleton<Audits>();
        services.AddSingleton<Scores>();
        services.AddSingleton<Renderer>();
        services.AddSingleton<Uploads>();
        services.AddSingleton<Reviews>();
        services.AddSingleton<Comparisons>();
        services.AddSingleton<Peers>();
        services.AddSingleton<Organisations>();
        services.AddSingleton<Intake>();
        services.AddSingleton<Ledgers>();
        services.AddSingleton<DistrictSummaries>();
        services.AddSingleton<ReviewQueue>();
        services.AddSingleton<Preparation>();
        services.AddSingleton<RenderGate>();
        return services;
    }
}
