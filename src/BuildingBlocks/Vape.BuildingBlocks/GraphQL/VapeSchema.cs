using GraphQL.Types;
using Vape.BuildingBlocks.Modules;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>The one schema: every module adds its fields to the shared Query and Mutation roots.</summary>
internal sealed class VapeSchema : Schema
{
    public VapeSchema(IServiceProvider services, IEnumerable<VapeModule> modules) : base(services)
    {
        var query = new ObjectGraphType { Name = "Query", Description = "Đọc dữ liệu Vape." };
        var mutation = new ObjectGraphType { Name = "Mutation", Description = "Thay đổi dữ liệu Vape." };
        foreach (var module in modules.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            module.AddQueryFields(query);
            module.AddMutationFields(mutation);
        }
        Query = query;
        if (mutation.Fields.Count > 0) Mutation = mutation;
        Description = "Vape: nền tảng số của Hội Khuyến học Việt Nam.";
        // Every String and ID a client sends is checked and normalised here, once (InputText, ADR 0100).
        RegisterType(new CleanStringGraphType());
        RegisterType(new CleanIdGraphType());
        RegisterVisitor(new LabelFieldsVisitor());
    }
}
