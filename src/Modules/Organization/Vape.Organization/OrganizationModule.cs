using GraphQL.Types;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using Vape.BuildingBlocks.Auth;
using Vape.Organization.Accounts;
using Vape.BuildingBlocks.Modules;
using Vape.Organization.Contracts;
using Vape.Organization.GraphQL;
using Vape.Organization.People;
using Vape.Organization.Tree;

namespace Vape.Organization;

/// <summary>The association's tree with its history, its people, and who may do what where.</summary>
public sealed class OrganizationModule : VapeModule
{
    public override string Name => "organization";

    public override void AddServices(WebApplicationBuilder builder)
    {
        MemberImportOptions.AddTo(builder.Services);
        builder.Services.AddSingleton<TreeStore>();
        builder.Services.AddSingleton<TreeStatistics>();
        builder.Services.AddSingleton<PeopleStore>();
        builder.Services.AddSingleton<CitizenIds>();
        builder.Services.AddSingleton<OrganizationQueries>();
        builder.Services.AddSingleton<IOrganizationQueries>(sp => sp.GetRequiredService<OrganizationQueries>());
        builder.Services.AddSingleton<Vape.BuildingBlocks.GraphQL.IUnitGraphLoader, GraphQL.UnitGraphLoader>();
        builder.Services.AddSingleton<ILoginDirectory>(sp => sp.GetRequiredService<OrganizationQueries>());
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<PendingMerges>();
        builder.Services.AddSingleton<OneTimeCodes>();
        builder.Services.AddSingleton<DevMailbox>();
        CodeSenders.AddTo(builder.Services);
        builder.Services.AddSingleton<PersonContacts>();
        builder.Services.AddSingleton<IPersonContacts>(sp => sp.GetRequiredService<PersonContacts>());
        builder.Services.AddSingleton<LocalSignIn>();
        builder.Services.AddSingleton<MembershipClaims>();
        builder.Services.AddSingleton<MembershipRequests>();
        builder.Services.AddSingleton<AccountLinks>();
        builder.Services.AddSingleton<IAccessChecks>(sp => sp.GetRequiredService<AccountLinks>());
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authentication.IClaimsTransformation>(sp => sp.GetRequiredService<AccountLinks>());
        builder.Services.AddHostedService<AccessEndedListener>();
        builder.Services.InitializeMartenWith<OrganizationSeed>();
    }

    public override void ConfigureMarten(StoreOptions options)
    {
        // The unit streams: the record of every change of the tree.
        options.Events.AddEventTypes([typeof(UnitEstablished), typeof(UnitNamed), typeof(UnitReparented),
            typeof(UnitMergedInto), typeof(UnitAbsorbed), typeof(UnitDisbanded),
            typeof(MemberAdded), typeof(MemberDetailsChanged), typeof(RoleGranted), typeof(RoleClosed), typeof(MembersImported)]);
    }

    public override void AddQueryFields(ObjectGraphType query)
    {
        OrganizationFields.AddQueries(query);
        AccountFields.AddQueries(query);
        ContactFields.AddQueries(query);
        PendingMergeFields.AddQueries(query);
    }

    public override void AddMutationFields(ObjectGraphType mutation)
    {
        OrganizationFields.AddMutations(mutation);
        AccountFields.AddMutations(mutation);
        ContactFields.AddMutations(mutation);
        PendingMergeFields.AddMutations(mutation);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => LocalSignIn.MapEndpoints(endpoints);
}

public static class OrganizationModuleExtensions
{
    public static WebApplicationBuilder AddOrganizationModule(this WebApplicationBuilder builder) => builder.AddModule<OrganizationModule>();

    public static WebApplication MapOrganizationModule(this WebApplication app) => app.MapModule<OrganizationModule>();
}
