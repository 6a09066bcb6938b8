using GraphQL.Types;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vape.BuildingBlocks.Modules;
using Vape.Classes.Calendar;
using Vape.Classes.Catalogue;
using Vape.Classes.GraphQL;
using Vape.Classes.Classroom;
using Vape.Classes.Attendance;
using Vape.Classes.Media;
using Vape.Records.Contracts;
using Wolverine;

namespace Vape.Classes;

/// <summary>Community classes: the catalogue, enrolment, the live classroom and attendance.</summary>
public sealed class ClassesModule : VapeModule
{
    public override string Name => "classes";

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(sp => new ClassesClock(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<Classroom.ClassroomOpening>();
        builder.Services.AddSingleton<ClassesReader>();
        builder.Services.AddSingleton<CatalogueStore>();
        builder.Services.AddSingleton<ClassAccess>();
        builder.Services.AddSingleton<ClassroomBroadcaster>();
        builder.Services.AddSingleton<ClassroomLines>();
        builder.Services.AddSingleton<RelayNames>();
        ClassroomOptions.AddTo(builder.Services);
        builder.Services.AddSingleton<ClassroomPresence>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ClassroomPresence>());
        builder.Services.AddSingleton<AttendanceStore>();
        builder.Services.AddSingleton<AttendanceByMonthStore>();
        builder.Services.AddSingleton<CalendarFeeds>();
        builder.Services.AddHostedService<Reminders.ClassReminderSweep>();
        builder.Services.InitializeMartenWith<ClassesDemoData>();
        builder.AddClassMedia();
    }

    public override void ConfigureMarten(StoreOptions options)
    {
        // One stream per live session; the room document is written beside its events (docs/adr/0010).
        options.Events.AddEventTypes(ClassroomEventTypes.All);
        options.Schema.For<Classroom.Classroom>();
        options.AddClassMediaDocuments();
    }

    public override void ConfigureWolverine(WolverineOptions options)
    {
        // Attendance for Records, through the durable outbox; Records handles it (docs/adr/0011).
        options.PublishMessage<RecordClassAttendance>().ToLocalQueue("class-attendance");
    }

    public override void AddQueryFields(ObjectGraphType query)
    {
        ClassesFields.AddQueries(query);
        AttendanceByMonthFields.AddQueries(query);
        Catalogue.MyClasses.AddQuery(query);
        ClassroomFields.AddQueries(query);
        MediaFields.AddQueries(query);
        CalendarFields.AddQueries(query);
    }

    public override void AddMutationFields(ObjectGraphType mutation)
    {
        ClassesFields.AddMutations(mutation);
        MediaFields.AddMutations(mutation);
        SpeakingFields.AddMutations(mutation);
        CalendarFields.AddMutations(mutation);
        RescheduleFields.AddMutations(mutation);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<ClassroomHub>(ClassroomHub.Path);
        endpoints.MapAttendanceExport();
        endpoints.MapJanusScript();
        endpoints.MapRecordingFiles();
        endpoints.MapCalendarFeed();
    }
}

public static class ClassesModuleExtensions
{
    public static WebApplicationBuilder AddClassesModule(this WebApplicationBuilder builder) => builder.AddModule<ClassesModule>();

    public static WebApplication MapClassesModule(this WebApplication app) => app.MapModule<ClassesModule>();
}
