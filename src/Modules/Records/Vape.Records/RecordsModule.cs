using Microsoft.AspNetCore.Builder;
using Vape.BuildingBlocks.Modules;

namespace Vape.Records;

/// <summary>The Records module. Wired into the host; its features arrive with its own issue.</summary>
public sealed class RecordsModule : VapeModule
{
    public override string Name => "records";
}

public static class RecordsModuleExtensions
{
    public static WebApplicationBuilder AddRecordsModule(this WebApplicationBuilder builder) => builder.AddModule<RecordsModule>();

    public static WebApplication MapRecordsModule(this WebApplication app) => app.MapModule<RecordsModule>();
}
