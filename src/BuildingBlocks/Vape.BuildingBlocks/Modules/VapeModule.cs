using System.Reflection;
using GraphQL.Types;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;

namespace Vape.BuildingBlocks.Modules;

/// <summary>
/// What a module gives the host. The host knows a module only through this class and the module's
/// `AddXModule` / `MapXModule` pair, which call <see cref="ModuleRegistration"/>.
/// </summary>
public abstract class VapeModule
{
    /// <summary>Short lowercase name; also the PostgreSQL schema that holds the module's tables.</summary>
    public abstract string Name { get; }

    public Assembly Assembly => GetType().Assembly;

    /// <summary>Services of the module (handlers are found by Wolverine; graph types by the platform).</summary>
    public virtual void AddServices(WebApplicationBuilder builder) { }

    /// <summary>Documents, indexes, projections. Documents of the module's assembly already live in <see cref="Name"/>.</summary>
    public virtual void ConfigureMarten(StoreOptions options) { }

    public virtual void ConfigureWolverine(WolverineOptions options) { }

    /// <summary>Fields the module adds to the one GraphQL schema.</summary>
    public virtual void AddQueryFields(ObjectGraphType query) { }

    public virtual void AddMutationFields(ObjectGraphType mutation) { }

    /// <summary>Hubs and the few non-GraphQL endpoints of the module.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}

public static class ModuleRegistration
{
    public static WebApplicationBuilder AddModule<TModule>(this WebApplicationBuilder builder) where TModule : VapeModule, new()
    {
        var module = new TModule();
        if (builder.Services.Any(d => d.ServiceType == typeof(VapeModule) && d.ImplementationInstance?.GetType() == typeof(TModule)))
            throw new InvalidOperationException($"Module {module.Name} is added twice.");

        builder.Services.AddSingleton<VapeModule>(module);
        builder.Services.AddSingleton(module.GetType(), module);

        builder.Services.ConfigureMarten(options =>
        {
            options.Policies.ForAllDocuments(mapping =>
            {
                if (mapping.DocumentType.Assembly == module.Assembly) mapping.DatabaseSchemaName = module.Name;
            });
            module.ConfigureMarten(options);
        });
        builder.Services.ConfigureWolverine(options =>
        {
            options.Discovery.IncludeAssembly(module.Assembly);
            module.ConfigureWolverine(options);
        });
        foreach (var graphType in module.Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IGraphType).IsAssignableFrom(t)))
        {
            builder.Services.TryAddTransient(graphType);
        }
        module.AddServices(builder);
        return builder;
    }

    public static WebApplication MapModule<TModule>(this WebApplication app) where TModule : VapeModule
    {
        app.Services.GetRequiredService<TModule>().MapEndpoints(app);
        return app;
    }
}
