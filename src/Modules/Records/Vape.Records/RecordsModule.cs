using GraphQL.Types;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Modules;
using Vape.Records.Badges;
using Vape.Records.GraphQL;
using Vape.Records.Privacy;
using Vape.Records.Record;
using Vape.Records.Statistics;
using Vape.Records.Titles;
using Vape.Records.Xapi;

namespace Vape.Records;

/// <summary>Every citizen's lifelong-learning record: entries and their verification, titles, consent, access log, erasure.</summary>
public sealed class RecordsModule : VapeModule
{
    public override string Name => "records";

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RecordStore>();
        builder.Services.AddSingleton<RecordWriter>();
        builder.Services.AddSingleton<PersonKeys>();
        builder.Services.AddSingleton<Vape.Records.Contracts.IPersonSealing, PersonSealing>();
        builder.Services.AddSingleton<RecordLooks>();
        builder.Services.AddSingleton<Vape.Records.Contracts.IRecordEvidence, RecordEvidenceReads>();
        builder.Services.AddSingleton<VerificationQueue>();
        builder.Services.AddSingleton<StatisticsStore>();
        builder.Services.AddSingleton<TitleEvaluator>();
        builder.Services.AddSingleton<XapiClients>();
        builder.Services.AddSingleton<XapiStatements>();
        builder.Services.AddSingleton<XapiDocuments>();
        builder.Services.AddSingleton<XapiLookups>();
        builder.Services.AddSingleton<XapiAttribution>();
        builder.Services.AddSingleton<XapiReads>();
        builder.Services.AddSingleton<Membership.MembershipCopy>();
        builder.Services.AddSingleton<Jobs.RecordsJobSignal>();
        builder.Services.AddSingleton<Jobs.RecordsJobs>();
        builder.Services.AddScoped<Jobs.RebuildCopyJob>();
        builder.Services.AddScoped<Jobs.BackfillJob>();
        Jobs.RecordsJobOptions.AddTo(builder.Services);
        builder.Services.AddHostedService<Jobs.RecordsJobRunner>();
        builder.Services.AddSingleton<BadgeKeys>();
        builder.Services.AddSingleton<BadgeService>();
        BadgeOptions.AddTo(builder.Services);
        builder.Services.AddSingleton<Histories.HistoryService>();
        Histories.HistoryOptions.AddTo(builder.Services);
        // After Organization's start-up data (its module is added first).
        builder.Services.InitializeMartenWith<Membership.FillCopyOnStart>();
    }

    public override void ConfigureMarten(StoreOptions options)
    {
        // A person's record: the module's stream of the person (docs/adr/0062).
        options.Events.AddEventTypes(RecordEventTypes.All);
    }

    public override void ConfigureWolverine(Wolverine.WolverineOptions options)
    {
        options.PublishMessage<XapiStatementStored>().ToLocalQueue(XapiStatementStoredHandler.Queue);
        options.PublishMessage<EmitOwnStatement>().ToLocalQueue(XapiStatementStoredHandler.Queue);
    }

    public override void AddQueryFields(ObjectGraphType query)
    {
        RecordsFields.AddQueries(query);
        Jobs.RecordsJobGraph.AddQueries(query);
        XapiGraph.AddQueries(query);
        BadgeGraph.AddQueries(query);
    }

    public override void AddMutationFields(ObjectGraphType mutation)
    {
        RecordsFields.AddMutations(mutation);
        XapiGraph.AddMutations(mutation);
        BadgeGraph.AddMutations(mutation);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ExportRecord.Map(endpoints);
        Evidence.Map(endpoints);
        XapiEndpoint.Map(endpoints);
        BadgeEndpoints.Map(endpoints);
        Histories.HistoryEndpoints.Map(endpoints);
    }
}

public static class RecordsModuleExtensions
{
    public static WebApplicationBuilder AddRecordsModule(this WebApplicationBuilder builder) => builder.AddModule<RecordsModule>();

    public static WebApplication MapRecordsModule(this WebApplication app) => app.MapModule<RecordsModule>();
}
