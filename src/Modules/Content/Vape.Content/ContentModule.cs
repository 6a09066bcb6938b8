using Microsoft.AspNetCore.Builder;
using Vape.BuildingBlocks.Modules;

namespace Vape.Content;

/// <summary>The Content module. Wired into the host; its features arrive with its own issue.</summary>
public sealed class ContentModule : VapeModule
{
    public override string Name => "content";
}

public static class ContentModuleExtensions
{
    public static WebApplicationBuilder AddContentModule(this WebApplicationBuilder builder) => builder.AddModule<ContentModule>();

    public static WebApplication MapContentModule(this WebApplication app) => app.MapModule<ContentModule>();
}
