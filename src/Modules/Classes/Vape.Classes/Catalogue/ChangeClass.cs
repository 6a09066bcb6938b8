using Vape.Content.Contracts;
using System.Text.Json;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;
using Vape.Classes.Contracts;
using Wolverine;

namespace Vape.Classes.Catalogue;

/// <summary>Changes what is given; leaves the rest. A larger capacity moves waiting learners up at once.</summary>
public sealed record ChangeClass(
    Guid ClassId, int ExpectedVersion, string? Title, string? Description, LearningDomain? Topic, int? Capacity,
    IReadOnlyList<Guid>? HostIds, IReadOnlyList<Guid>? CoHostIds, string? MediaUrl, IReadOnlyList<Material>? Materials,
    int? CompletionPercent, bool? Lobby, Guid ActorId, bool? Recording = null)
{
    /// <summary>Only recording is turned on or off: what a class's host may do without the unit's right to run classes.</summary>
    public bool OnlyRecording => Recording is not null && Title is null && Description is null && Topic is null && Capacity is null && HostIds is null
        && CoHostIds is null && MediaUrl is null && Materials is null && CompletionPercent is null && Lobby is null;
}

public static class ChangeClassHandler
{
    public static async Task<(CommunityClass, OutgoingMessages)> Handle(ChangeClass command, IDocumentSession session,
        IOrganizationQueries organization, IResourceCatalog library, Microsoft.Extensions.Configuration.IConfiguration configuration, CancellationToken ct)
    {
        var sql = new ClassesSql(session);
        var c = await Writes.LockClassAsync(sql, command.ClassId, ct);
        // A class's host may turn its recording on or off (docs/adr/0235); everything else needs the unit's right.
        if (!(command.OnlyRecording && c.HostIds.Contains(command.ActorId)) && !await organization.MayAsync(command.ActorId, Permission.RunClasses, c.UnitId, ct))
            throw VapeException.NotAllowed("Bạn không có quyền sửa lớp học này.");
        if (c.Status == ClassStatus.Cancelled) throw VapeException.InvalidInput("Lớp học đã bị hủy.");
        if (c.Version != command.ExpectedVersion) throw VapeException.VersionConflict();

        var (hosts, coHosts) = command.HostIds is null && command.CoHostIds is null ? (c.HostIds, c.CoHostIds)
            : ClassRules.Hosts(command.HostIds ?? c.HostIds, command.CoHostIds ?? c.CoHostIds, command.ActorId);
        if (command.HostIds is not null || command.CoHostIds is not null) await HostRules.DemandKnownAsync(organization, [.. hosts, .. coHosts], ct);
        var capacity = command.Capacity is int cap ? ClassRules.Capacity(cap) : c.Capacity;
        var enrolled = await sql.ScalarAsync<long>("select count(*) from classes.enrolments where class_id = @c and status = 'ENROLLED'", ct, ("c", c.Id));
        if (capacity < enrolled)
            throw VapeException.InvalidInput($"Đã có {enrolled} người đăng ký; sĩ số không thể nhỏ hơn.");
        var materials = command.Materials is null ? c.Materials : await ClassRules.ResolveAsync(library, ClassRules.Materials(command.Materials), ct);
        if (command.Recording == true) Media.ClassRecordings.DemandAvailable(configuration);
        var changed = c with
        {
            Title = command.Title is null ? c.Title : ClassRules.Title(command.Title),
            Description = command.Description is null ? c.Description : ClassRules.Description(command.Description),
            Topic = command.Topic ?? c.Topic,
            Capacity = capacity,
            HostIds = hosts,
            CoHostIds = coHosts,
            MediaUrl = command.MediaUrl is null ? c.MediaUrl : ClassRules.Url(command.MediaUrl, "mediaUrl"),
            Materials = materials,
            CompletionPercent = command.CompletionPercent is null ? c.CompletionPercent : ClassRules.CompletionPercent(command.CompletionPercent),
            Lobby = command.Lobby ?? c.Lobby,
            Recording = command.Recording ?? c.Recording,
            Version = c.Version + 1,
        };
        await sql.ExecuteAsync("""
            update classes.classes set title = @title, description = @description, topic = @topic, capacity = @capacity, host_ids = @hosts,
                co_host_ids = @coHosts, media_url = @media, materials = @materials::jsonb, completion_percent = @completion, lobby = @lobby,
                recording = @recording, version = version + 1
            where id = @id
            """, ct, ("id", c.Id), ("title", changed.Title), ("description", changed.Description), ("topic", changed.Topic.ToString()),
            ("capacity", capacity), ("hosts", hosts.ToArray()), ("coHosts", coHosts.ToArray()), ("media", changed.MediaUrl),
            ("materials", JsonSerializer.Serialize(changed.Materials, CommunityClass.Json)), ("completion", changed.CompletionPercent),
            ("lobby", changed.Lobby), ("recording", changed.Recording));
        var movedUp = await Writes.MoveUpAsync(sql, c.Id, capacity, ct);
        var messages = LearnerMovedUp.For(changed, movedUp);
        // Learners hear of what they see of the class; a new capacity, lobby or completion rule is not news to them.
        if (changed.Title != c.Title || changed.Description != c.Description || changed.Topic != c.Topic || changed.MediaUrl != c.MediaUrl
            || !changed.HostIds.SequenceEqual(c.HostIds) || !changed.CoHostIds.SequenceEqual(c.CoHostIds) || command.Materials is not null
            || changed.Recording != c.Recording)
            messages.Add(new ClassChanged(c.Id, changed.Version, changed.Title, await Writes.LearnersAsync(sql, c.Id, ct)));
        return (changed, messages);
    }
}

/// <summary>A unit's official cancels a class: its sessions that have not started are cancelled; nobody may join any more.</summary>
public sealed record CancelClass(Guid ClassId, Guid ActorId);

public static class CancelClassHandler
{
    public static async Task<(CommunityClass, OutgoingMessages)> Handle(CancelClass command, IDocumentSession session, IOrganizationQueries organization,
        CancellationToken ct)
    {
        var sql = new ClassesSql(session);
        var c = await Writes.LockClassAsync(sql, command.ClassId, ct);
        if (!await organization.MayAsync(command.ActorId, Permission.RunClasses, c.UnitId, ct))
            throw VapeException.NotAllowed("Bạn không có quyền hủy lớp học này.");
        if (c.Status == ClassStatus.Cancelled) return (c, []);
        if (await sql.ScalarAsync<bool>("select exists (select 1 from classes.sessions where class_id = @c and status = 'LIVE')", ct, ("c", c.Id)))
            throw VapeException.InvalidInput("Lớp đang học trực tuyến; hãy kết thúc buổi học trước khi hủy.");
        await sql.ExecuteAsync("""
            update classes.classes set status = 'CANCELLED', version = version + 1 where id = @c;
            update classes.sessions set status = 'CANCELLED' where class_id = @c and status = 'SCHEDULED';
            """, ct, ("c", c.Id));
        return (c with { Status = ClassStatus.Cancelled, Version = c.Version + 1 }, [new ClassCancelled(c.Id, c.Title, await Writes.LearnersAsync(sql, c.Id, ct))]);
    }
}

internal static class Writes
{
    /// <summary>The class, row-locked for the rest of the transaction: enrolments of one class never race.</summary>
    public static async Task<CommunityClass> LockClassAsync(ClassesSql sql, Guid classId, CancellationToken ct) =>
        (await sql.ListAsync($"select {CommunityClass.Columns} from classes.classes c where c.id = @id for update", CommunityClass.Read, ct, ("id", classId)))
        .SingleOrDefault() ?? throw Errors.ClassNotFound();

    /// <summary>Who is enrolled in the class or waiting for a place.</summary>
    public static Task<List<Guid>> LearnersAsync(ClassesSql sql, Guid classId, CancellationToken ct) =>
        sql.ListAsync("select person_id from classes.enrolments where class_id = @c and status in ('ENROLLED', 'WAITING')", r => r.GetGuid(0), ct, ("c", classId));

    /// <summary>Fills free places from the waiting list, first come first served; returns who moved up.</summary>
    public static Task<List<Guid>> MoveUpAsync(ClassesSql sql, Guid classId, int capacity, CancellationToken ct) =>
        sql.ListAsync("""
            with free as (select greatest(@capacity - count(*), 0) as n from classes.enrolments where class_id = @c and status = 'ENROLLED'),
                 next as (select person_id from classes.enrolments where class_id = @c and status = 'WAITING'
                          order by queued limit (select n from free))
            update classes.enrolments e set status = 'ENROLLED' from next where e.class_id = @c and e.person_id = next.person_id
            returning e.person_id
            """, r => r.GetGuid(0), ct, ("c", classId), ("capacity", capacity));
}
