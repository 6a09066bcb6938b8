using GraphQL.Types;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Modules;
using Vape.Organization.Contracts;
using Vape.Organization.GraphQL;
using Vape.Organization.People;
using Vape.Organization.Tree;

namespace Vape.Organization;

/// <summary>The association's tree, its people and who may do what where.</summary>
public sealed class OrganizationModule : VapeModule
{
    public override string Name => "organization";

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrganizationQueries>();
        builder.Services.AddScoped<IOrganizationQueries>(sp => sp.GetRequiredService<OrganizationQueries>());
        builder.Services.AddScoped<ILoginDirectory>(sp => sp.GetRequiredService<OrganizationQueries>());
        builder.Services.InitializeMartenWith<OrganizationSeed>();
    }

    public override void ConfigureMarten(StoreOptions options)
    {
        options.Schema.For<Unit>().UniqueIndex(u => u.Code).Index(u => u.ParentId).Index(u => u.Path);
        options.Schema.For<Person>().UniqueIndex(p => p.Login!).Index(p => p.HomeUnitId);
        options.Schema.For<RoleAssignment>().Index(r => r.PersonId).Index(r => r.UnitId);
    }

    public override void AddQueryFields(ObjectGraphType query) => OrganizationFields.AddQueries(query);

    public override void AddMutationFields(ObjectGraphType mutation) => OrganizationFields.AddMutations(mutation);
}

public static class OrganizationModuleExtensions
{
    public static WebApplicationBuilder AddOrganizationModule(this WebApplicationBuilder builder) => builder.AddModule<OrganizationModule>();

    public static WebApplication MapOrganizationModule(this WebApplication app) => app.MapModule<OrganizationModule>();
}
