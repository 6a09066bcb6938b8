using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Modules;
using Vape.Content.Directives;
using Vape.Content.GraphQL;

namespace Vape.Content;

/// <summary>Directives down the tree with their acknowledgement roll-up, news of activities, the open learning-resource library.</summary>
public sealed class ContentModule : VapeModule
{
    public override string Name => "content";

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DirectiveStore>();
        builder.Services.AddSingleton<DirectiveCompletionStore>();
        builder.Services.AddSingleton<News.NewsStore>();
        builder.Services.AddSingleton<Library.ResourceStore>();
        builder.Services.AddSingleton<Editing.ContentHistory>();
        // Other modules read approved library resources through Vape.Content.Contracts (Classes: a class's materials).
        builder.Services.AddSingleton<Vape.Content.Contracts.IResourceCatalog, Library.ResourceCatalog>();
    }

    public override void MapEndpoints(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => ContentFiles.Map(endpoints);

    // A recorded class's files, sent by Classes through its outbox, become library resources (docs/adr/0235).
    public override void ConfigureWolverine(Wolverine.WolverineOptions options) =>
        options.PublishMessage<Vape.Content.Contracts.AddClassRecording>().ToLocalQueue("class-recordings");

    public override void AddQueryFields(ObjectGraphType query)
    {
        DirectiveFields.AddQueries(query);
        DirectiveCompletionFields.AddQueries(query);
        NewsFields.AddQueries(query);
        LibraryFields.AddQueries(query);
    }

    public override void AddMutationFields(ObjectGraphType mutation)
    {
        DirectiveFields.AddMutations(mutation);
        NewsFields.AddMutations(mutation);
        LibraryFields.AddMutations(mutation);
        EditFields.AddMutations(mutation);
    }
}

public static class ContentModuleExtensions
{
    public static WebApplicationBuilder AddContentModule(this WebApplicationBuilder builder) => builder.AddModule<ContentModule>();

    public static WebApplication MapContentModule(this WebApplication app) => app.MapModule<ContentModule>();
}
