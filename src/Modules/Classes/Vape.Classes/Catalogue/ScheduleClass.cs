using Vape.Content.Contracts;
using System.Text.Json;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;

namespace Vape.Classes.Catalogue;

/// <summary>An official with RunClasses on a unit schedules a class of that unit: one session or a series.</summary>
public sealed record ScheduleClass(
    Guid UnitId, string Title, string? Description, LearningDomain Topic, ClassAudience Audience, Guid? AudienceUnitId,
    int Capacity, IReadOnlyList<Guid>? HostIds, IReadOnlyList<Guid>? CoHostIds, string? MediaUrl, IReadOnlyList<Material>? Materials,
    int? CompletionPercent, bool Lobby, DateTimeOffset? StartsAt, int? DurationMinutes, Recurrence? Repeat, Guid ActorId,
    Guid? RelayOfSessionId = null, bool Recording = false);

public static class ScheduleClassHandler
{
    public static async Task<CommunityClass> Handle(ScheduleClass command, IDocumentSession session, IOrganizationQueries organization,
        CatalogueStore catalogue, ClassesClock clock, IResourceCatalog library, Microsoft.Extensions.Configuration.IConfiguration configuration, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070): a caller who may not schedule here hears NOT_ALLOWED.
        var unit = (await organization.UnitsAsync([command.UnitId], ct)).SingleOrDefault()
            ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        if (!await organization.MayAsync(command.ActorId, Permission.RunClasses, unit.Id, ct))
            throw VapeException.NotAllowed("Bạn không có quyền tổ chức lớp học cho đơn vị này; cán bộ của đơn vị hoặc của đơn vị cấp trên mới xếp lịch được.");
        if (unit.Status != "Active") throw VapeException.InvalidInput("Đơn vị không còn hoạt động.");
        var now = clock.Now;
        var title = ClassRules.Title(command.Title);
        var description = ClassRules.Description(command.Description);
        var capacity = ClassRules.Capacity(command.Capacity);
        var completion = ClassRules.CompletionPercent(command.CompletionPercent);
        var media = ClassRules.Url(command.MediaUrl, "mediaUrl");
        var materials = await ClassRules.ResolveAsync(library, ClassRules.Materials(command.Materials), ct);
        if (command.Recording) Media.ClassRecordings.DemandAvailable(configuration);
        var (hosts, coHosts) = ClassRules.Hosts(command.HostIds, command.CoHostIds, command.ActorId);
        IReadOnlyList<(DateTimeOffset Starts, DateTimeOffset Ends)> sessions;
        ClassSession? parent = null;
        if (command.RelayOfSessionId is Guid relayOf)
        {
            // A relay: one local session at the parent session's time (docs/classes.md, "Cascade classes").
            parent = await catalogue.SessionAsync(relayOf, ct)
                ?? throw Errors.SessionNotFound();
            if (parent.Status is SessionStatus.Ended or SessionStatus.Cancelled || parent.ParentSessionId is not null)
                throw VapeException.InvalidInput("Chỉ tiếp sóng được một buổi học chưa kết thúc và không phải là buổi tiếp sóng.");
            if (command.Repeat is not null) throw VapeException.InvalidInput("Buổi tiếp sóng diễn ra cùng giờ với buổi gốc; không lặp lại.");
            sessions = [(parent.StartsAt, parent.EndsAt)];
        }
        else
        {
            if (command.StartsAt is null || command.DurationMinutes is null)
                throw VapeException.InvalidInput("Cần giờ bắt đầu (`startsAt`) và thời lượng (`durationMinutes`).");
            sessions = ClassRules.Sessions(command.StartsAt.Value, command.DurationMinutes.Value, command.Repeat, now);
        }

        var audienceUnit = command.AudienceUnitId ?? unit.Id;
        if (audienceUnit != unit.Id && !await organization.IsWithinAsync(audienceUnit, unit.Id, ct))
            throw VapeException.InvalidInput("Đối tượng của lớp (`audienceUnitId`) phải là đơn vị tổ chức hoặc một đơn vị trực thuộc.");
        await HostRules.DemandKnownAsync(organization, [.. hosts, .. coHosts], ct);
        if (parent is not null)
        {
            var parentClass = (await catalogue.LoadAsync(parent.ClassId, ct))!;
            if (unit.Id == parentClass.UnitId || !await organization.IsWithinAsync(unit.Id, parentClass.UnitId, ct))
                throw VapeException.InvalidInput("Chỉ đơn vị trực thuộc đơn vị tổ chức lớp gốc mới tiếp sóng được lớp đó.");
        }

        var c = new CommunityClass(Guid.CreateVersion7(), unit.Id, title, description, command.Topic, command.Audience, audienceUnit, capacity,
            hosts, coHosts, media, materials, completion, command.Lobby, ClassStatus.Scheduled, 1, command.ActorId, now, command.Recording);
        var sql = new ClassesSql(session);
        await sql.ExecuteAsync("""
            insert into classes.classes (id, unit_id, title, description, topic, audience, audience_unit_id, capacity, host_ids, co_host_ids,
                media_url, materials, completion_percent, lobby, status, version, created_by, created_at, recording)
            values (@id, @unit, @title, @description, @topic, @audience, @audienceUnit, @capacity, @hosts, @coHosts,
                @media, @materials::jsonb, @completion, @lobby, 'SCHEDULED', 1, @actor, @now, @recording)
            """, ct, ("id", c.Id), ("unit", c.UnitId), ("title", title), ("description", description), ("topic", c.Topic.ToString()),
            ("audience", SqlNames.Of(c.Audience)), ("audienceUnit", audienceUnit), ("capacity", capacity), ("hosts", hosts.ToArray()),
            ("coHosts", coHosts.ToArray()), ("media", media), ("materials", JsonSerializer.Serialize(materials, CommunityClass.Json)),
            ("completion", completion), ("lobby", command.Lobby), ("actor", command.ActorId), ("now", now), ("recording", command.Recording));
        var number = 1;
        foreach (var (starts, ends) in sessions)
            await sql.ExecuteAsync("""
                insert into classes.sessions (id, class_id, number, starts_at, ends_at, parent_session_id, relay_name) values (@id, @c, @n, @s, @e, @parent, @relay)
                """, ct, ("id", Guid.CreateVersion7()), ("c", c.Id), ("n", number++), ("s", starts), ("e", ends), ("parent", parent?.Id),
                ("relay", parent is null ? null : unit.Name));
        return c;
    }
}

internal static class HostRules
{
    public static async Task DemandKnownAsync(IOrganizationQueries organization, IReadOnlyCollection<Guid> people, CancellationToken ct)
    {
        var known = await organization.DisplayNamesAsync(people, ct);
        if (people.Any(p => !known.ContainsKey(p))) throw VapeException.InvalidInput("Có người dẫn lớp không phải là hội viên.");
    }
}
