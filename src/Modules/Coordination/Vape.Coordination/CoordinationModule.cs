using Microsoft.AspNetCore.Builder;
using Vape.BuildingBlocks.Modules;

namespace Vape.Coordination;

/// <summary>The Coordination module. Wired into the host; its features arrive with its own issue.</summary>
public sealed class CoordinationModule : VapeModule
{
    public override string Name => "coordination";
}

public static class CoordinationModuleExtensions
{
    public static WebApplicationBuilder AddCoordinationModule(this WebApplicationBuilder builder) => builder.AddModule<CoordinationModule>();

    public static WebApplication MapCoordinationModule(this WebApplication app) => app.MapModule<CoordinationModule>();
}
