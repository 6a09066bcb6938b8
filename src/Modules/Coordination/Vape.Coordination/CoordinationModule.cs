using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Modules;
using Vape.Coordination.Channels;
using Vape.Coordination.GraphQL;
using Vape.Coordination.Messages;
using Vape.Coordination.Realtime;
using Wolverine;

namespace Vape.Coordination;

/// <summary>Channels between officials across the levels of the tree, their messages, read state and the coordination hub.</summary>
public sealed class CoordinationModule : VapeModule
{
    public override string Name => "coordination";

    public override void AddServices(WebApplicationBuilder builder)
    {
        CoordinationOptions.AddTo(builder.Services);
        builder.Services.AddSingleton<CoordinationSettings>();
        builder.Services.AddSingleton<Reads>();
        builder.Services.AddSingleton<ChannelStore>();
        builder.Services.AddSingleton<MessageStore>();
        builder.Services.AddSingleton<HostIdentity>();
        builder.Services.AddSingleton<PresenceStore>();
        builder.Services.AddSingleton<ChannelPushes>();
        builder.Services.AddSingleton<PostBatchMetrics>();
        builder.Services.AddSingleton<ChannelWrites>();
        builder.Services.AddScoped<UnitChannelDirectory>();
        builder.Services.AddScoped<Posting>();
        builder.Services.AddHostedService<PresenceHeartbeat>();
        builder.Services.AddHostedService<PushRecovery>();
    }

    public override void ConfigureWolverine(WolverineOptions options)
    {
        // One sequential queue for what is pushed to members besides the changes of the stream (ChannelPushes sends those).
        options.LocalQueue(PushToMembersHandler.Queue).Sequential();
        options.PublishMessage<ReadReceipt>().ToLocalQueue(PushToMembersHandler.Queue);
        options.PublishMessage<ReminderDue>().ToLocalQueue(PushToMembersHandler.Queue);
        options.PublishMessage<ChannelMembershipChanged>().ToLocalQueue(PushToMembersHandler.Queue);
        options.PublishMessage<ChannelArchived>().ToLocalQueue(PushToMembersHandler.Queue);
    }

    public override void AddQueryFields(ObjectGraphType query) => CoordinationFields.AddQueries(query);

    public override void AddMutationFields(ObjectGraphType mutation) => CoordinationFields.AddMutations(mutation);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<CoordinationHub>(CoordinationHub.Path);
        Attachments.Map(endpoints);
    }
}

public static class CoordinationModuleExtensions
{
    public static WebApplicationBuilder AddCoordinationModule(this WebApplicationBuilder builder) => builder.AddModule<CoordinationModule>();

    public static WebApplication MapCoordinationModule(this WebApplication app) => app.MapModule<CoordinationModule>();
}
