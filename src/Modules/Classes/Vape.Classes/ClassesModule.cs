using Microsoft.AspNetCore.Builder;
using Vape.BuildingBlocks.Modules;

namespace Vape.Classes;

/// <summary>The Classes module. Wired into the host; its features arrive with its own issue.</summary>
public sealed class ClassesModule : VapeModule
{
    public override string Name => "classes";
}

public static class ClassesModuleExtensions
{
    public static WebApplicationBuilder AddClassesModule(this WebApplicationBuilder builder) => builder.AddModule<ClassesModule>();

    public static WebApplication MapClassesModule(this WebApplication app) => app.MapModule<ClassesModule>();
}
