using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;

namespace Vape.Records.Record;

/// <summary>Who may review whose record: an official with ReviewRecords on a unit that the person belongs to, or that is above it.</summary>
internal static class RecordAccess
{
    /// <summary>A unit the official manages, with ReviewRecords, that contains the person (home unit or another membership); null if none.</summary>
    public static async Task<Guid?> ReviewUnitAsync(IOrganizationQueries org, Guid officialId, Guid personId, CancellationToken ct)
    {
        foreach (var unit in await org.ManagedUnitsAsync(officialId, ct))
        {
            if (await org.MayAsync(officialId, Permission.ReviewRecords, unit, ct) && await org.IsMemberWithinAsync(personId, unit, ct))
                return unit;
        }
        return null;
    }

    public static async Task<Guid> DemandReviewAsync(IOrganizationQueries org, Guid officialId, Guid personId, CancellationToken ct) =>
        await ReviewUnitAsync(org, officialId, personId, ct)
        ?? throw VapeException.NotAllowed("Chỉ cán bộ của đơn vị (hoặc cấp trên) nơi hội viên sinh hoạt mới được xem, xác nhận hồ sơ này.");

    public static async Task DemandUnitAsync(IOrganizationQueries org, Guid officialId, Guid unitId, CancellationToken ct)
    {
        if (!await org.MayAsync(officialId, Permission.ReviewRecords, unitId, ct))
            throw VapeException.NotAllowed("Bạn không phụ trách hồ sơ học tập của đơn vị này.");
    }
}
