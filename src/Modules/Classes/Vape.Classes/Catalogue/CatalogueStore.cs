using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;

namespace Vape.Classes.Catalogue;

/// <summary>What learners may filter the catalogue by. Null fields do not filter.</summary>
public sealed record ClassFilter(
    bool Upcoming = true,
    LearningDomain? Topic = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    Guid? UnitId = null,
    string? Text = null);

/// <summary>A class in a list, with the start that the list is ordered by.</summary>
public sealed record ClassListing(CommunityClass Class, DateTimeOffset StartsAt, int Rank);

/// <summary>Reads of the catalogue: classes, their sessions, enrolments; who may see what.</summary>
public sealed partial class CatalogueStore(ClassesReader db, IOrganizationQueries organization, ClassesClock clock)
{
    public async Task<CommunityClass?> LoadAsync(Guid id, CancellationToken ct) =>
        (await db.ListAsync($"select {CommunityClass.Columns} from classes.classes c where c.id = @id", CommunityClass.Read, ct, ("id", id)))
        .SingleOrDefault();

    public async Task<IReadOnlyDictionary<Guid, CommunityClass>> LoadManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await db.ListAsync($"select {CommunityClass.Columns} from classes.classes c where c.id = any(@ids)", CommunityClass.Read, ct, ("ids", ids.ToArray())))
        .ToDictionary(c => c.Id);

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ClassSession>>> SessionsAsync(IReadOnlyCollection<Guid> classIds, CancellationToken ct)
    {
        var rows = await db.ListAsync($"select {ClassSession.Columns} from classes.sessions s where s.class_id = any(@ids) order by s.number",
            r => ClassSession.Read(r), ct, ("ids", classIds.ToArray()));
        return rows.GroupBy(s => s.ClassId).ToDictionary(g => g.Key, g => (IReadOnlyList<ClassSession>)g.ToList());
    }

    public async Task<ClassSession?> SessionAsync(Guid sessionId, CancellationToken ct) =>
        (await db.ListAsync($"select {ClassSession.Columns} from classes.sessions s where s.id = @id", r => ClassSession.Read(r), ct, ("id", sessionId)))
        .SingleOrDefault();

    public async Task<Enrolment?> EnrolmentAsync(Guid classId, Guid personId, CancellationToken ct) =>
        (await db.ListAsync("""
            select e.class_id, e.person_id, e.status, e.since,
                   case when e.status = 'WAITING' then (select count(*) from classes.enrolments w
                        where w.class_id = e.class_id and w.status = 'WAITING' and w.queued <= e.queued)::int end
            from classes.enrolments e where e.class_id = @c and e.person_id = @p
            """, ReadEnrolment, ct, ("c", classId), ("p", personId))).SingleOrDefault();

    internal async Task<Roster.ClassRemoval?> RemovalAsync(Guid classId, Guid personId, CancellationToken ct) =>
        (await db.ListAsync("select reason, removed_at from classes.removals where class_id = @c and person_id = @p",
            r => new Roster.ClassRemoval(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1)), ct, ("c", classId), ("p", personId))).SingleOrDefault();

    public static Enrolment ReadEnrolment(Npgsql.NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1),
        Enum.Parse<EnrolmentStatus>(r.GetString(2), true), r.IsDBNull(4) ? null : r.GetInt32(4), r.GetFieldValue<DateTimeOffset>(3));

    public async Task<IReadOnlyDictionary<Guid, (int Enrolled, int Waiting)>> CountsAsync(IReadOnlyCollection<Guid> classIds, CancellationToken ct) =>
        (await db.ListAsync("""
            select class_id, count(*) filter (where status = 'ENROLLED')::int, count(*) filter (where status = 'WAITING')::int
            from classes.enrolments where class_id = any(@ids) group by class_id
            """, r => (r.GetGuid(0), r.GetInt32(1), r.GetInt32(2)), ct, ("ids", classIds.ToArray())))
        .ToDictionary(x => x.Item1, x => (x.Item2, x.Item3));

    /// <summary>
    /// A class's roster for its hosts and class officials: enrolled and waiting learners (or one of the two) in the
    /// order they came, each waiting one with their place in the queue; keyset-paged by that order.
    /// </summary>
    public async Task<Connection<Enrolment>> RosterAsync(Guid classId, EnrolmentStatus? status, Page page, CancellationToken ct)
    {
        long? after = null;
        if (page.AfterKey is string key)
        {
            if (!long.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var queued))
                throw BuildingBlocks.Errors.VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
            after = queued;
        }
        var rows = await db.ListAsync("""
            select e.class_id, e.person_id, e.status, e.since, e.position, e.queued
            from (select class_id, person_id, status, since, queued,
                         case when status = 'WAITING' then (row_number() over (partition by status order by queued))::int end as position
                  from classes.enrolments where class_id = @c) e
            where (@s = '' or e.status = @s) and e.queued > @after
            order by e.queued
            limit @n
            """, r => (Enrolment: ReadEnrolment(r), Queued: r.GetInt64(5)), ct,
            ("c", classId), ("s", status?.ToString().ToUpperInvariant() ?? ""), ("after", after ?? 0L), ("n", page.First + 1));
        var connection = page.ToConnection(rows, r => r.Queued.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new Connection<Enrolment>(connection.Edges.Select(e => new Edge<Enrolment>(e.Cursor, e.Node.Enrolment)).ToList(), connection.PageInfo);
    }

    /// <summary>The learners enrolled in a class (not those waiting).</summary>
    public Task<List<Guid>> EnrolledAsync(Guid classId, CancellationToken ct) =>
        db.ListAsync("select person_id from classes.enrolments where class_id = @c and status = 'ENROLLED' order by queued",
            r => r.GetGuid(0), ct, ("c", classId));

    /// <summary>Public classes, those whose audience includes a unit the person belongs to, and those they host.</summary>
    public async Task<Connection<ClassListing>> BrowseAsync(Guid? person, ClassFilter filter, Page page, CancellationToken ct)
    {
        var scope = person is Guid p ? await AudienceScopeAsync(p, ct) : [];
        Guid[]? units = filter.UnitId is Guid root ? (await organization.SubtreeAsync(root, null, ct)).Select(u => u.Id).ToArray() : null;
        int? afterRank = null; DateTimeOffset? afterStart = null; Guid? afterId = null;
        if (page.AfterKey is string key)
        {
            var parts = key.Split('|');
            if (parts.Length != 3 || !int.TryParse(parts[0], out var rank) || !long.TryParse(parts[1], out var ticks) || !Guid.TryParse(parts[2], out var id))
                throw BuildingBlocks.Errors.VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
            (afterRank, afterStart, afterId) = (rank, new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        var rows = await db.ListAsync($"""
            with listed as (
                select {CommunityClass.Columns},
                       case when @upcoming::boolean then up.starts_at else coalesce(up.starts_at, first.starts_at) end as starts_at,
                       case when @text::text is null or strpos(lower(c.title || ' ' || c.description), lower(@text::text)) > 0 then 0 else 1 end as rank
                from classes.classes c
                left join lateral (select min(s.starts_at) as starts_at from classes.sessions s
                                   where s.class_id = c.id and s.status in ('SCHEDULED', 'LIVE') and s.ends_at > @now::timestamptz) up on true
                left join lateral (select min(s.starts_at) as starts_at from classes.sessions s where s.class_id = c.id) first on true
                where (not @upcoming::boolean or c.status = 'SCHEDULED')
                  and (c.audience = 'PUBLIC' or c.audience_unit_id = any(@scope::uuid[]) or @person::uuid = any(c.host_ids) or @person::uuid = any(c.co_host_ids))
                  and (@topic::text is null or c.topic = @topic::text)
                  and (@units::uuid[] is null or c.unit_id = any(@units::uuid[]))
                  and (@text::text is null or c.search_folded like '%' || vape.fold(@text::text) || '%')
            )
            select * from listed c
            where c.starts_at is not null
              and (@from::timestamptz is null or c.starts_at >= @from::timestamptz)
              and (@to::timestamptz is null or c.starts_at < @to::timestamptz)
              and (@afterRank::int is null or (c.rank, c.starts_at, c.id) > (@afterRank::int, @afterStart::timestamptz, @afterId::uuid))
            order by c.rank, c.starts_at, c.id
            limit @limit
            """,
            r => new ClassListing(CommunityClass.Read(r), r.GetFieldValue<DateTimeOffset>(19), r.GetInt32(20)), ct,
            ("upcoming", filter.Upcoming), ("now", clock.Now), ("scope", scope), ("person", (object?)person ?? DBNull.Value),
            ("topic", filter.Topic?.ToString()), ("units", units), ("text", filter.Text), ("from", filter.From?.ToUniversalTime()), ("to", filter.To?.ToUniversalTime()),
            ("afterRank", afterRank), ("afterStart", afterStart), ("afterId", afterId), ("limit", page.First + 1));
        return page.ToConnection(rows, l => $"{l.Rank}|{l.StartsAt.UtcTicks}|{l.Class.Id}");
    }

    /// <summary>The units whose members-only classes the person may see: the units they belong to and every unit above them.</summary>
    private async Task<Guid[]> AudienceScopeAsync(Guid person, CancellationToken ct)
    {
        var scope = new HashSet<Guid>();
        foreach (var unit in await organization.MemberUnitsAsync(person, ct))
        {
            scope.Add(unit);
            foreach (var ancestor in await organization.AncestorsAsync(unit, ct)) scope.Add(ancestor.Id);
        }
        return [.. scope];
    }
}
