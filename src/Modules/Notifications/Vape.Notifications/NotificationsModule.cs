using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Modules;
using Vape.Classes.Contracts;
using Vape.Content.Contracts;
using Vape.Coordination.Contracts;
using Vape.Notifications.GraphQL;
using Vape.Notifications.Inbox;
using Vape.Notifications.Push;
using Vape.Records.Contracts;
using Wolverine;

namespace Vape.Notifications;

/// <summary>Every person's notifications: the inbox fed by other modules' integration events, and its live push (ADR 0122).</summary>
public sealed class NotificationsModule : VapeModule
{
    public const string Queue = "notifications";

    public override string Name => "notifications";

    public override void AddServices(WebApplicationBuilder builder)
    {
        WebPushOptions.AddTo(builder.Services);
        builder.Services.AddSingleton<InboxStore>();
        builder.Services.AddSingleton<WebPushKeys>();
        builder.Services.AddSingleton<PushSubscriptions>();
        builder.Services.AddSingleton<WebPushSender>();
    }

    // The events that become notifications, through the publishers' durable outbox into one durable local queue.
    public override void ConfigureWolverine(WolverineOptions options)
    {
        options.PublishMessage<RecordEntryDecided>().ToLocalQueue(Queue);
        options.PublishMessage<LearningTitleDecided>().ToLocalQueue(Queue);
        options.PublishMessage<ResourceReviewed>().ToLocalQueue(Queue);
        options.PublishMessage<ResourceWithdrawn>().ToLocalQueue(Queue);
        options.PublishMessage<ClassChanged>().ToLocalQueue(Queue);
        options.PublishMessage<ClassCancelled>().ToLocalQueue(Queue);
        options.PublishMessage<ClassLearnerRemoved>().ToLocalQueue(Queue);
        options.PublishMessage<ClassPlaceFreed>().ToLocalQueue(Queue);
        options.PublishMessage<ClassReminderDue>().ToLocalQueue(Queue);
        options.PublishMessage<MembersMentioned>().ToLocalQueue(Queue);
        options.PublishMessage<PriorityPostPosted>().ToLocalQueue(Queue);
        options.PublishMessage<DirectiveReceived>().ToLocalQueue(Queue);
        options.PublishMessage<DirectiveOverdue>().ToLocalQueue(Queue);
        // Live push and Web Push of each new notification: a slow push service does not hold up the inbox.
        options.PublishMessage<NotificationAdded>().ToLocalQueue("notification-deliveries");
    }

    public override void AddQueryFields(ObjectGraphType query)
    {
        NotificationFields.AddQueries(query);
        PushFields.AddQueries(query);
    }

    public override void AddMutationFields(ObjectGraphType mutation)
    {
        NotificationFields.AddMutations(mutation);
        PushFields.AddMutations(mutation);
    }
}

public static class NotificationsModuleExtensions
{
    public static WebApplicationBuilder AddNotificationsModule(this WebApplicationBuilder builder) => builder.AddModule<NotificationsModule>();

    public static WebApplication MapNotificationsModule(this WebApplication app) => app.MapModule<NotificationsModule>();
}
