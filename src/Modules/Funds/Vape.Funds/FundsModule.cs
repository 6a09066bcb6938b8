using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Modules;
using Vape.Funds.GraphQL;
using Vape.Funds.Ledger;
using Vape.Funds.Totals;
using Vape.Records.Contracts;
using Wolverine;

namespace Vape.Funds;

/// <summary>Funds of units, donations with receipts and VietQR, scholarship and award programmes, a double-entry ledger anyone can verify.</summary>
public sealed class FundsModule : VapeModule
{
    public override string Name => "funds";

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FundStore>();
        builder.Services.AddSingleton<DonationStore>();
        builder.Services.AddSingleton<ProgrammeStore>();
        builder.Services.AddSingleton<FundsTotalsStore>();
        builder.Services.AddSingleton<LedgerExports>();
        builder.Services.AddSingleton<Programmes.CeremonyListStore>();
        builder.Services.AddSingleton<Vape.Funds.Contracts.IFundsQueries, FundsQueries>();
    }

    // Awards for Records, through the durable outbox; Records records each once (docs/adr/0093).
    public override void ConfigureWolverine(WolverineOptions options) => options.PublishMessage<RecordFundsAward>().ToLocalQueue("funds-awards");

    public override void AddQueryFields(ObjectGraphType query)
    {
        FundsFields.AddQueries(query);
        CeremonyFields.AddQueries(query);
    }

    public override void AddMutationFields(ObjectGraphType mutation)
    {
        FundsFields.AddMutations(mutation);
        CeremonyFields.AddMutations(mutation);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => LedgerExports.Map(endpoints);
}

public static class FundsModuleExtensions
{
    public static WebApplicationBuilder AddFundsModule(this WebApplicationBuilder builder) => builder.AddModule<FundsModule>();

    public static WebApplication MapFundsModule(this WebApplication app) => app.MapModule<FundsModule>();
}
