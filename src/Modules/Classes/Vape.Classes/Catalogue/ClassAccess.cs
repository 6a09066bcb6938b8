using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;

namespace Vape.Classes.Catalogue;

/// <summary>Who may see, manage, enrol in and host a class.</summary>
public sealed class ClassAccess(IOrganizationQueries organization)
{
    /// <summary>Public classes: everyone. Members-only: members of the audience subtree, the hosts and the unit's class officials.</summary>
    public async Task<bool> MaySeeAsync(CommunityClass c, Guid? person, CancellationToken ct)
    {
        if (c.Audience == ClassAudience.Public) return true;
        if (person is not Guid p) return false;
        return c.IsHost(p)
            || await organization.IsMemberWithinAsync(p, c.AudienceUnitId, ct)
            || await organization.MayAsync(p, Permission.RunClasses, c.UnitId, ct);
    }

    /// <summary>May the person take part as a learner: public, or a member of the audience subtree.</summary>
    public async Task DemandAudienceAsync(CommunityClass c, Guid person, CancellationToken ct)
    {
        if (c.Audience == ClassAudience.Public || c.IsHost(person)) return;
        if (!await organization.IsMemberWithinAsync(person, c.AudienceUnitId, ct))
            throw VapeException.NotAllowed("Lớp học này chỉ dành cho hội viên của đơn vị tổ chức.");
    }

    public async Task<bool> MayManageAsync(CommunityClass c, Guid person, CancellationToken ct) =>
        await organization.MayAsync(person, Permission.RunClasses, c.UnitId, ct);

    public async Task DemandManageAsync(Guid unitId, Guid person, CancellationToken ct)
    {
        if (!await organization.MayAsync(person, Permission.RunClasses, unitId, ct))
            throw VapeException.NotAllowed("Bạn không có quyền tổ chức lớp học cho đơn vị này.");
    }
}
