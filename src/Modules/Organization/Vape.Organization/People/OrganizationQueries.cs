using Marten;
using Vape.BuildingBlocks.Auth;
using Vape.Organization.Contracts;
using Vape.Organization.Tree;

namespace Vape.Organization.People;

internal sealed class OrganizationQueries(IQuerySession session, TimeProvider clock) : IOrganizationQueries, ILoginDirectory
{
    public async Task<bool> MayManageAsync(Guid personId, Guid unitId, CancellationToken ct)
    {
        var unit = await session.LoadAsync<Unit>(unitId, ct);
        if (unit is null) return false;
        var roles = await ActiveRolesAsync(session, personId, clock, ct);
        return roles.Any(r => unit.IsSelfOrDescendantOf(r.UnitId));
    }

    public async Task<LoginIdentity?> FindAsync(string login, CancellationToken ct)
    {
        var person = await session.Query<Person>().FirstOrDefaultAsync(p => p.Login == login, ct);
        return person is null ? null : new LoginIdentity(person.Id, login, person.FullName);
    }

    internal static async Task<IReadOnlyList<RoleAssignment>> ActiveRolesAsync(IQuerySession session, Guid personId, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var roles = await session.Query<RoleAssignment>().Where(r => r.PersonId == personId).ToListAsync(ct);
        return roles.Where(r => r.IsActiveOn(today)).ToList();
    }
}
