using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.GraphQL;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

[Collection(VapeCollection.Name)]
public sealed class SchemaFileTests(VapeApp app)
{
    /// <summary>Run with VAPE_WRITE_SCHEMA=1 to write the file after a deliberate change of the schema.</summary>
    [Fact]
    public void The_committed_schema_graphql_is_what_the_server_serves()
    {
        var schema = app.Host.Services.GetRequiredService<VapeSchema>();
        var printed = schema.Print(new GraphQL.Utilities.PrintOptions { IncludeDescriptions = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var file = Path.Combine(Repo.Root, "schema.graphql");
        if (Environment.GetEnvironmentVariable("VAPE_WRITE_SCHEMA") == "1") File.WriteAllText(file, printed);
        File.Exists(file).ShouldBeTrue("schema.graphql is missing: run the tests once with VAPE_WRITE_SCHEMA=1");
        File.ReadAllText(file).ReplaceLineEndings("\n").ShouldBe(printed, "schema.graphql differs from the server's schema: run the tests with VAPE_WRITE_SCHEMA=1 and commit it");
    }
}
