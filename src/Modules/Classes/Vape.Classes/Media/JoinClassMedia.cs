using GraphQL;
using GraphQL.Types;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Classes.Catalogue;
using Vape.Classes.Classroom;

namespace Vape.Classes.Media;

internal sealed record JoinClassMediaInput(string SessionId);

/// <summary>What a client needs to open the class's room on Janus: where, which room, its pin, and a token of its own.</summary>
/// <param name="ScreenFeed">The feed id a host's shared screen is published under in this room (the same for every host and after a move), so every page tells the screen from a camera.</param>
/// <param name="Recording">Janus records the room: the page tells everyone the class is recorded.</param>
/// <param name="PublishersPollSeconds">How often the page reads the room's publishers in case it missed the hub's `mediaPublishersChanged` (docs/adr/0268).</param>
/// <param name="Picture">The holder may publish their camera: a host, or a speaking learner whose picture a host allows now (docs/adr/0299).</param>
public sealed record ClassMedia(string Url, int Room, string Pin, string Token, bool Publisher, int? Feed, DateTimeOffset ExpiresAt, int ScreenFeed, bool Recording = false,
    int PublishersPollSeconds = 30, bool Picture = false);

/// <summary>
/// A token for the class's voice and picture, only for someone the classroom lets in: in the room now (joined
/// through the hub: enrolled, admitted from the lobby), not removed, the session not ended. The host and co-hosts
/// may publish; a learner only receives, unless the host took their raised hand (<see cref="Speaking"/>; docs/adr/0140).
/// </summary>
internal sealed class JoinClassMedia(IDocumentStore store, CatalogueStore catalogue, MediaRooms rooms, Speaking speaking)
{
    public async Task<ClassMedia> JoinAsync(Guid sessionId, Guid person, CancellationToken ct)
    {
        if (!rooms.Options.Enabled) throw MediaErrors.MediaOff();
        using var counted = JanusMetrics.For("join");
        var s = await catalogue.SessionAsync(sessionId, ct) ?? throw Errors.SessionNotFound();
        var c = await catalogue.LoadAsync(s.ClassId, ct) ?? throw Errors.ClassNotFound();
        var (room, me) = await ClassroomStore.ReadAsync(store, sessionId,
            async (sql, r) => (r, await ClassroomTables.FindAsync(sql, sessionId, person, ct)), ct);
        if (room is null) throw ClassroomErrors.Refusal(ClassroomErrors.NotOpen);
        if (room.Ended) throw ClassroomErrors.Refusal(ClassroomErrors.Ended);
        if (me?.Removed == true) throw ClassroomErrors.Refusal(ClassroomErrors.Removed);
        if (me is null || !me.Present || (!me.IsHost && !me.Admitted)) throw ClassroomErrors.Refusal(ClassroomErrors.NotInRoom);
        var media = await rooms.EnsureRoomAsync(sessionId, c.Title, s.ParentSessionId, c.Recording, ct);
        // A learner speaks while their taken hand's turn lasts, unless muted.
        var turn = me.IsHost ? (Speaking: true, Picture: true) : await speaking.TurnAsync(sessionId, person, ct);
        var publisher = me.IsHost || (!me.Muted && turn.Speaking);
        var grant = await rooms.GrantAsync(media, person, me.IsHost, publisher, ct);
        return new ClassMedia(rooms.Node(media.Node).PublicUrl, media.Room, media.Pin, grant.Id, grant.Feed != 0, grant.Feed == 0 ? null : grant.Feed, grant.ExpiresAt,
            MediaRooms.ScreenFeed(sessionId), media.Recording, rooms.Options.PublishersPollSeconds, publisher && turn.Picture);
    }
}

internal sealed class ClassMediaGraphType : ObjectGraphType<ClassMedia>
{
    public ClassMediaGraphType()
    {
        Name = "ClassMedia";
        Description = "Âm thanh và hình ảnh của buổi học trên máy chủ Janus: địa chỉ, phòng, mã phòng và mã truy cập riêng của bạn (hết hạn lúc `expiresAt`).";
        Field(x => x.Url).Description("Địa chỉ Janus API (HTTP) cho trình duyệt.");
        Field(x => x.Room).Description("Số phòng VideoRoom.");
        Field(x => x.Pin).Description("Mã vào phòng.");
        Field(x => x.Token).Description("Mã truy cập Janus của riêng bạn; không chia sẻ.");
        Field(x => x.Publisher).Description("Bạn được phát âm thanh và hình ảnh (người dẫn lớp).");
        Field(x => x.Feed, nullable: true).Description("Số hiệu luồng phát của bạn (khi được phát).");
        Field(x => x.ScreenFeed).Description("Số hiệu luồng chia sẻ màn hình của người dẫn lớp trong phòng này (người dẫn lớp phát màn hình dưới số này; học viên nhận ra màn hình nhờ số này).");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(c => c.Source.ExpiresAt);
        Field(x => x.PublishersPollSeconds).Description("Trang lớp học đọc lại danh sách người đang phát sau mỗi chừng này giây, phòng khi lỡ thông báo `mediaPublishersChanged` của lớp.");
        Field(x => x.Picture).Description("Bạn được bật hình (camera): người dẫn lớp, hoặc học viên đang phát biểu được người dẫn lớp cho phép bật hình.");
        Field(x => x.Recording).Description("Buổi học đang được ghi hình (hình, tiếng và màn hình chia sẻ của người dẫn lớp); trang lớp học báo cho mọi người.");
    }
}

internal static class MediaFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<BooleanGraphType>>("mediaEnabled")
            .Description("Lớp học trực tuyến có âm thanh và hình ảnh (máy chủ Janus đã được cấu hình); false: chỉ trò chuyện và trang trình chiếu.")
            .Resolve(c => c.RequestServices!.GetRequiredService<MediaRooms>().Options.Enabled);

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ClassMediaGraphType>>("joinClassMedia")
            .Description("Nhận mã truy cập âm thanh và hình ảnh của buổi học đang diễn ra; chỉ cho người đang ở trong phòng học (đã vào qua phòng chờ, không bị mời ra). " +
                         "Người dẫn lớp được phát; học viên chỉ nghe và xem, trừ khi người dẫn lớp mời nói (giơ tay) và cho đến khi kết thúc lượt.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<JoinClassMediaInput>>>("input")
            .ResolveAsync(async c =>
            {
                var person = c.User.PersonId() ?? throw VapeException.NotAuthenticated();
                var input = c.GetArgument<JoinClassMediaInput>("input");
                return await c.RequestServices!.GetRequiredService<JoinClassMedia>()
                    .JoinAsync(Ids.Parse(input.SessionId, "sessionId"), person, c.CancellationToken);
            });
}
