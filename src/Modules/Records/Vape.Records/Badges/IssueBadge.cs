using Vape.BuildingBlocks.Errors;
using Vape.Records.Record;

namespace Vape.Records.Badges;

/// <summary>A citizen turns one of their record's achievements into an Open Badges 3.0 credential (docs/adr/0191).</summary>
internal sealed record IssueBadge(Guid ActorId, BadgeSource Source, Guid SourceId)
{
    /// <summary>
    /// Given the achievement as the record has it (null: not in the caller's record), and the credential already made
    /// from it (if any): the issue, or nothing (once per achievement). Only what the system recorded or an official
    /// verified becomes a credential.
    /// </summary>
    internal IReadOnlyList<IRecordEvent> Decide(RecordedEntry? entry, bool titleFound, Guid? existing, Guid? unitId, Guid badgeId, int statusIndex,
        DateTimeOffset at)
    {
        if (existing is not null) return [];
        if (Source == BadgeSource.Entry)
        {
            if (entry is null) throw RecordDecider.NoSuchEntry();
            if (entry.Status != EntryStatus.Accepted || entry.Provenance == Provenance.SelfDeclared)
                throw VapeException.InvalidInput("Chỉ mục đã được xác nhận (hoặc do hệ thống ghi nhận) mới cấp được chứng nhận số.");
        }
        else if (!titleFound)
            throw VapeException.NotFound("Không tìm thấy danh hiệu này trong hồ sơ học tập.");
        if (unitId is not Guid unit)
            throw VapeException.NotAllowed("Bạn chưa sinh hoạt ở đơn vị nào của Hội nên chưa có đơn vị cấp chứng nhận.");
        return [new BadgeIssued(badgeId, Source, SourceId, unit, statusIndex, at)];
    }
}

/// <summary>The person, or an official of the awarding unit, revokes a credential with a reason: it fails verification from then on.</summary>
internal sealed record RevokeBadge(Guid ActorId, Guid BadgeId, string Reason)
{
    /// <summary>Given the credential (null: none the caller may see), whether the caller may revoke it, and whether it is revoked already.</summary>
    internal IReadOnlyList<IRecordEvent> Decide(bool found, bool mayRevoke, bool revoked, DateTimeOffset at, Sealer seal)
    {
        var reason = RecordRules.Text(Reason, "lý do thu hồi", RecordRules.MaxReason);
        if (!found) throw VapeException.NotFound("Không tìm thấy chứng nhận số này.");
        if (!mayRevoke) throw VapeException.NotAllowed("Chỉ người được cấp hoặc cán bộ của đơn vị cấp mới thu hồi được chứng nhận số.");
        if (revoked) throw VapeException.InvalidInput("Chứng nhận số này đã bị thu hồi trước đó.");
        return [new BadgeRevoked(BadgeId, ActorId, seal(reason), at)];
    }
}
