using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Classes.GraphQL;

namespace Vape.Classes.Catalogue;

/// <summary>Which of a person's classes: those still to come that they are enrolled in, wait for or teach, or those over.</summary>
public enum MyClassRelation { Enrolled, Waiting, Taught, Past }

internal sealed class MyClassRelationGraphType : EnumerationGraphType<MyClassRelation>
{
    public MyClassRelationGraphType()
    {
        Name = "MyClassRelation";
        Description = "ENROLLED: lớp bạn đã ghi danh, còn buổi sắp học; WAITING: lớp bạn đang chờ chỗ; TAUGHT: lớp bạn dẫn (chủ trì hoặc đồng chủ trì), còn buổi sắp học; " +
                      "PAST: lớp bạn đã ghi danh hoặc đã dẫn, không còn buổi nào (đã học xong hoặc đã hủy).";
    }
}

/// <summary>`myClasses`: the caller's own classes, for the screen "Lớp của tôi".</summary>
internal static class MyClasses
{
    public static void AddQuery(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<ClassGraphType, CommunityClass>>>("myClasses")
            .Description("Lớp của bạn: sắp học theo buổi gần nhất (ENROLLED, WAITING, TAUGHT) hoặc đã qua, mới nhất trước (PAST). `enrolment` của mỗi lớp cho biết chỗ của bạn.")
            .Argument<NonNullGraphType<MyClassRelationGraphType>>("relation")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var me = c.User.PersonId() ?? throw VapeException.NotAuthenticated();
                return await c.RequestServices!.GetRequiredService<CatalogueStore>()
                    .MineAsync(me, c.GetArgument<MyClassRelation>("relation"), Page.From(c), c.CancellationToken);
            });
}

public sealed partial class CatalogueStore
{
    public async Task<Connection<CommunityClass>> MineAsync(Guid person, MyClassRelation relation, Page page, CancellationToken ct)
    {
        long? afterTicks = null;
        Guid? afterId = null;
        if (page.AfterKey is string key)
        {
            if (key.Split('|') is not [var ticks, var id] || !long.TryParse(ticks, out var t) || !Guid.TryParse(id, out var g))
                throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
            (afterTicks, afterId) = (t, g);
        }
        var past = relation == MyClassRelation.Past;
        // Upcoming: by the next session, soonest first. Past: by the last session's end, latest first (the key negated).
        var rows = await db.ListAsync($"""
            with mine as (
                select {CommunityClass.Columns},
                       (select min(s.starts_at) from classes.sessions s
                         where s.class_id = c.id and s.status in ('SCHEDULED', 'LIVE') and s.ends_at > @now) as next_start,
                       (select max(s.ends_at) from classes.sessions s where s.class_id = c.id) as last_end
                from classes.classes c
                where case @relation
                    when 'Enrolled' then exists (select 1 from classes.enrolments e where e.class_id = c.id and e.person_id = @p and e.status = 'ENROLLED')
                    when 'Waiting' then exists (select 1 from classes.enrolments e where e.class_id = c.id and e.person_id = @p and e.status = 'WAITING')
                    when 'Taught' then @p = any(c.host_ids) or @p = any(c.co_host_ids)
                    else @p = any(c.host_ids) or @p = any(c.co_host_ids)
                         or exists (select 1 from classes.enrolments e where e.class_id = c.id and e.person_id = @p and e.status = 'ENROLLED')
                end
            ), keyed as (
                select c.*, case when @past then -(extract(epoch from c.last_end) * 1000000)::bigint
                                 else (extract(epoch from c.next_start) * 1000000)::bigint end as sort_key
                from mine c
                where case when @past then c.next_start is null or c.status = 'CANCELLED' else c.next_start is not null and c.status = 'SCHEDULED' end
            )
            select * from keyed c
            where @afterKey::bigint is null or (c.sort_key, c.id) > (@afterKey::bigint, @afterId::uuid)
            order by c.sort_key, c.id
            limit @limit
            """,
            r => (Class: CommunityClass.Read(r), Key: r.GetInt64(r.GetOrdinal("sort_key"))), ct,
            ("now", clock.Now), ("relation", relation.ToString()), ("p", person), ("past", past),
            ("afterKey", afterTicks), ("afterId", afterId), ("limit", page.First + 1));
        var connection = page.ToConnection(rows, r => $"{r.Key}|{r.Class.Id}");
        return new Connection<CommunityClass>(connection.Edges.Select(e => new Edge<CommunityClass>(e.Cursor, e.Node.Class)).ToList(), connection.PageInfo);
    }
}
