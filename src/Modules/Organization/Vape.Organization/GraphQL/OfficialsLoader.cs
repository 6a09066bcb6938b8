using GraphQL;
using GraphQL.DataLoader;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;
using Vape.Organization.People;
using Vape.Organization.Tree;

namespace Vape.Organization.GraphQL;

/// <summary>
/// `Unit.officials` for a list of units: the first page of every unit the request asks for is read in one batch (who
/// may see which, then the roles: two queries however many units), as the roll-up's overdue units at national scale
/// need; a later page (`after`) or `includeEnded` is read for its unit alone. Refusals are per unit, as before.
/// </summary>
internal static class OfficialsLoader
{
    private sealed record Answer(bool Allowed, Connection<Role>? Officials);

    public static IDataLoaderResult<Connection<Role>?> Load(IResolveFieldContext<Unit> c)
    {
        var actor = Access.Actor(c);
        var page = Page.From(c);
        var includeEnded = c.GetArgument<bool>("includeEnded");
        var services = c.RequestServices!;
        var unitId = c.Source.Id;
        if (includeEnded || page.After is not null)
            return new Deferred<Connection<Role>?>(async ct =>
            {
                var queries = services.GetRequiredService<OrganizationQueries>();
                await queries.DemandAsync(actor, Permission.ViewMembers, unitId, ct);
                return await queries.OfficialsAsync(unitId, includeEnded, TreeRules.Today(services.GetRequiredService<TimeProvider>()), page, ct);
            });
        var batch = services.GetRequiredService<BatchLoaders>().Get<Guid, Answer>($"organization.officials/{actor}/{page.First}", async (s, ids, ct) =>
        {
            var queries = s.GetRequiredService<OrganizationQueries>();
            var allowed = await queries.MayManyAsync(actor, Permission.ViewMembers, ids, ct);
            var roles = await queries.OfficialsOfManyAsync(allowed, TreeRules.Today(s.GetRequiredService<TimeProvider>()), page.First + 1, ct);
            return ids.ToDictionary(id => id, id => allowed.Contains(id)
                ? new Answer(true, page.ToConnection(roles.GetValueOrDefault(id) ?? [], r => r.Id.ToString()))
                : new Answer(false, null));
        }).Load(unitId);
        return new Deferred<Connection<Role>?>(async ct =>
        {
            var answer = await batch.GetResultAsync(ct);
            return answer is { Allowed: true } ? answer.Officials : throw VapeException.NotAllowed(OrganizationQueries.NotAllowedHere);
        });
    }

    private sealed class Deferred<T>(Func<CancellationToken, Task<T>> run) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => run(cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await run(cancellationToken);
    }
}
