using System.Text;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;

namespace Vape.Organization.Tree;

/// <summary>An official renames a unit of their subtree. The new name is published only after it is committed.</summary>
public sealed record RenameUnit(Guid UnitId, string Name, int ExpectedVersion, Guid ActorId);

public static class RenameUnitHandler
{
    public const int MaxNameLength = 200;

    public static string ValidName(string? name)
    {
        var clean = (name ?? "").Trim().Normalize(NormalizationForm.FormC);
        if (clean.Length == 0) throw VapeException.InvalidInput("Tên đơn vị không được để trống.");
        if (clean.Length > MaxNameLength) throw VapeException.InvalidInput($"Tên đơn vị dài tối đa {MaxNameLength} ký tự.");
        if (clean.Any(char.IsControl)) throw VapeException.InvalidInput("Tên đơn vị có ký tự điều khiển.");
        return clean;
    }

    public static async Task<(Unit, UnitRenamed)> Handle(RenameUnit command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var name = ValidName(command.Name);
        var unit = await session.LoadAsync<Unit>(command.UnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        var roles = await OrganizationQueries.ActiveRolesAsync(session, command.ActorId, clock, ct);
        if (!roles.Any(r => unit.IsSelfOrDescendantOf(r.UnitId)))
            throw VapeException.NotAllowed("Chỉ cán bộ của đơn vị này hoặc đơn vị cấp trên mới được đổi tên.");
        if (unit.Version != command.ExpectedVersion)
            throw VapeException.VersionConflict();

        unit.Name = name;
        // Marten checks the revision again in the database, so a concurrent rename still fails with VERSION_CONFLICT.
        session.UpdateRevision(unit, command.ExpectedVersion + 1);
        unit.Version = command.ExpectedVersion + 1;
        return (unit, new UnitRenamed(unit.Id, unit.Name, unit.Version, clock.GetUtcNow()));
    }
}
