using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Tree;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>
/// Two concurrent moves (or merges) may each pass the decider and together make a cycle; the tree function's guard
/// refuses the second under the tree's lock. Its loser gets INVALID_INPUT with the decider's Vietnamese sentence, not
/// the guard's English. The race itself cannot be made to happen on demand, so the guard is called as the writer calls it.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class TreeGuardRefusalTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("move_unit", MoveUnit.UnderItself)]
    [InlineData("merge_unit", MergeUnit.IntoDescendant)]
    public async Task The_SQL_cycle_guards_refusal_is_the_deciders_Vietnamese_sentence(string function, string sentence)
    {
        var (ward, village) = (Guid.Parse(await _org.UnitId("T01-X003")), Guid.Parse(await _org.UnitId("T01-X003-01")));
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var refused = await Should.ThrowAsync<VapeException>(() => new OrganizationSql(session).ExecuteAsync(
            $"select organization.{function}(@unit, @other, current_date)", CancellationToken.None, ("unit", ward), ("other", village)));
        refused.Code.ShouldBe(ErrorCodes.InvalidInput);
        refused.Message.ShouldBe(sentence);
    }
}
