using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.BuildingBlocks.Hosting;
using Vape.Classes.Attendance;
using Vape.Classes.Catalogue;
using Vape.Classes.Classroom;

namespace Vape.Classes.GraphQL;

internal sealed class ClassroomRoleGraphType() : NamedValuesGraphType("ClassroomRole",
    "Vai trò trong phòng học: người dẫn lớp, người cùng dẫn, học viên.", "HOST", "CO_HOST", "LEARNER");

internal sealed class ClassroomStatusGraphType() : NamedValuesGraphType("ClassroomStatus",
    "Phòng học đang mở (LIVE) hoặc đã kết thúc (ENDED).", "LIVE", "ENDED");

internal sealed class QuestionStatusGraphType() : NamedValuesGraphType("QuestionStatus",
    "Câu hỏi đang chờ (OPEN), đã trả lời (ANSWERED) hoặc bị bỏ qua (DISMISSED).", "OPEN", "ANSWERED", "DISMISSED");

internal sealed class SnapshotMeGraphType : ObjectGraphType<SnapshotMe>
{
    public SnapshotMeGraphType()
    {
        Name = "ClassroomMe";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<NonNullGraphType<ClassroomRoleGraphType>>("role").Resolve(c => c.Source.Role);
        Field(x => x.Muted);
        Field(x => x.InLobby);
    }
}

internal sealed class SnapshotParticipantGraphType : ObjectGraphType<SnapshotParticipant>
{
    public SnapshotParticipantGraphType()
    {
        Name = "ClassroomParticipant";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field(x => x.Name);
        Field<NonNullGraphType<ClassroomRoleGraphType>>("role").Resolve(c => c.Source.Role);
        Field(x => x.Muted);
        Field(x => x.HandRaised);
    }
}

internal sealed class SnapshotPollGraphType : ObjectGraphType<SnapshotPoll>
{
    public SnapshotPollGraphType()
    {
        Name = "ClassroomPoll";
        Field<NonNullGraphType<IdGraphType>>("pollId").Resolve(c => c.Source.PollId);
        Field(x => x.Question);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("options").Resolve(c => c.Source.Options);
        Field(x => x.Multiple);
        Field(x => x.Open);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("counts").Resolve(c => c.Source.Counts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("myChoices").Resolve(c => c.Source.MyChoices);
    }
}

internal sealed class SnapshotChatGraphType : ObjectGraphType<SnapshotChat>
{
    public SnapshotChatGraphType()
    {
        Name = "ClassroomChatMessage";
        Field<NonNullGraphType<IdGraphType>>("messageId").Resolve(c => c.Source.MessageId);
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field(x => x.Name);
        Field(x => x.Text).Description("Văn bản thuần; hiển thị như văn bản, không bao giờ như HTML.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At);
    }
}

internal sealed class SnapshotQuestionGraphType : ObjectGraphType<SnapshotQuestion>
{
    public SnapshotQuestionGraphType()
    {
        Name = "ClassroomQuestion";
        Field<NonNullGraphType<IdGraphType>>("questionId").Resolve(c => c.Source.QuestionId);
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field(x => x.Name);
        Field(x => x.Text);
        Field(x => x.Votes);
        Field(x => x.UpvotedByMe);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At);
        Field<IdGraphType>("relaySessionId").Description("Câu hỏi chuyển lên từ phòng tiếp sóng này (buổi học của phòng đó); null khi hỏi ngay trong phòng.").Resolve(c => c.Source.RelaySessionId);
        Field<StringGraphType>("relayName").Description("Đơn vị tiếp sóng đã chuyển câu hỏi lên; null khi hỏi ngay trong phòng.").Resolve(c => c.Source.RelayName);
    }
}

internal sealed class SnapshotRelayGraphType : ObjectGraphType<SnapshotRelay>
{
    public SnapshotRelayGraphType()
    {
        Name = "ClassroomRelay";
        Field<NonNullGraphType<IdGraphType>>("relaySessionId").Description("Buổi học của phòng tiếp sóng (cùng tên như trong sự kiện `relayHeadcountChanged` trên hub).").Resolve(c => c.Source.SessionId);
        Field(x => x.Name).Description("Đơn vị tiếp sóng.");
        Field(x => x.Headcount);
    }
}

internal sealed class ClassroomSnapshotGraphType : ObjectGraphType<ClassroomSnapshot>
{
    public ClassroomSnapshotGraphType()
    {
        Name = "ClassroomSnapshot";
        Description = "Toàn bộ phòng học tại phiên bản `version`; các sự kiện sau đó có phiên bản lớn hơn.";
        Field<NonNullGraphType<IdGraphType>>("sessionId").Resolve(c => c.Source.SessionId);
        Field<NonNullGraphType<IdGraphType>>("classId").Resolve(c => c.Source.ClassId);
        Field<NonNullGraphType<LongGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ClassroomStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<SnapshotMeGraphType>>("me").Resolve(c => c.Source.Me);
        Field(x => x.Locked);
        Field(x => x.AllMuted);
        Field(x => x.Headcount).Description("Số người đang có mặt (mỗi người một lần dù dùng nhiều thiết bị).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SnapshotParticipantGraphType>>>>("participants").Resolve(c => c.Source.Participants);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SnapshotParticipantGraphType>>>>("lobby").Description("Chỉ người dẫn lớp thấy.").Resolve(c => c.Source.Lobby);
        Field(x => x.Material);
        Field(x => x.Page);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SnapshotPollGraphType>>>>("polls").Description("Các cuộc thăm dò đang mở, với kết quả.").Resolve(c => c.Source.Polls);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("hands").Description("Hàng giơ tay, theo thứ tự.").Resolve(c => c.Source.Hands);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SnapshotChatGraphType>>>>("chat").Description("50 tin nhắn gần nhất.").Resolve(c => c.Source.Chat);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SnapshotQuestionGraphType>>>>("questions").Description("Câu hỏi đang mở.").Resolve(c => c.Source.Questions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SnapshotRelayGraphType>>>>("relays").Description("Các phòng tiếp sóng buổi này, với sĩ số hiện tại.").Resolve(c => c.Source.Relays);
        Field(x => x.TotalHeadcount).Description("Có mặt ở phòng này và mọi phòng tiếp sóng.");
        Field<IdGraphType>("participantsAfter").Description("Còn người có mặt ngoài trang này: con trỏ cho `Participants(after)` trên hub; null khi đã đủ.")
            .Resolve(c => c.Source.ParticipantsAfter);
        Field<IdGraphType>("relayOfSessionId").Description("Phòng này tiếp sóng buổi học gốc này (lớp cấp trên); người dẫn có thể gửi câu hỏi lên đó. Null với phòng không tiếp sóng.")
            .Resolve(c => c.Source.RelayOfSessionId);
    }
}

internal sealed class ClassroomEventGraphType : ObjectGraphType<ClassroomEventMessage>
{
    public ClassroomEventGraphType()
    {
        Name = "ClassroomEvent";
        Field<NonNullGraphType<LongGraphType>>("version").Resolve(c => c.Source.Version);
        Field(x => x.Type).Description("Tên sự kiện, như trên hub: `chatPosted`, `pollVoted`, ...");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("data").Description("Nội dung sự kiện (JSON), như trên hub.")
            .Resolve(c => JsonSerializer.Serialize(c.Source.Data, c.Source.Data.GetType(), VapeJson.Hub));
    }
}

internal sealed class ClassroomCatchUpGraphType : ObjectGraphType<ClassroomCatchUp>
{
    public ClassroomCatchUpGraphType()
    {
        Name = "ClassroomCatchUp";
        Description = "Đúng các sự kiện bị lỡ, theo thứ tự; nếu lỡ quá nhiều: `snapshot` mới thay cho `events`.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClassroomEventGraphType>>>>("events").Resolve(c => c.Source.Events);
        Field<ClassroomSnapshotGraphType>("snapshot").Resolve(c => c.Source.Snapshot);
    }
}

internal sealed class AttendanceRowGraphType : ObjectGraphType<AttendanceRow>
{
    public AttendanceRowGraphType()
    {
        Name = "AttendanceRow";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field(x => x.Name);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("firstJoinedAt").Resolve(c => c.Source.FirstJoinedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("lastLeftAt").Resolve(c => c.Source.LastLeftAt);
        Field(x => x.MinutesPresent);
        Field(x => x.MinutesWithMedia).Description("Số phút có âm thanh và hình ảnh của lớp (không quá số phút có mặt); 0 khi chưa từng kết nối.");
        Field(x => x.Completed).Description("Đạt quy định hoàn thành của lớp.");
        Field<NonNullGraphType<IdGraphType>>("attendanceId").Description("Giống nhau mỗi lần gửi sang hồ sơ học tập.").Resolve(c => c.Source.AttendanceId);
    }
}

internal sealed class QuestionReportGraphType : ObjectGraphType<QuestionReport>
{
    public QuestionReportGraphType()
    {
        Name = "QuestionReport";
        Field<NonNullGraphType<IdGraphType>>("questionId").Resolve(c => c.Source.QuestionId);
        Field(x => x.Name);
        Field(x => x.Text);
        Field(x => x.Votes);
        Field<NonNullGraphType<QuestionStatusGraphType>>("status").Resolve(c => c.Source.Status);
    }
}

internal sealed class PollReportGraphType : ObjectGraphType<PollReport>
{
    public PollReportGraphType()
    {
        Name = "PollReport";
        Field<NonNullGraphType<IdGraphType>>("pollId").Resolve(c => c.Source.PollId);
        Field(x => x.Question);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("options").Resolve(c => c.Source.Options);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("counts").Resolve(c => c.Source.Counts);
        Field(x => x.Multiple);
    }
}

internal sealed class SessionReportGraphType : ObjectGraphType<SessionReport>
{
    public SessionReportGraphType()
    {
        Name = "SessionAttendance";
        Description = "Điểm danh một buổi học; người dẫn lớp và cán bộ đơn vị thấy tất cả, câu hỏi và kết quả thăm dò; học viên chỉ thấy dòng của mình.";
        Field<NonNullGraphType<IdGraphType>>("sessionId").Resolve(c => c.Source.SessionId);
        Field<NonNullGraphType<IdGraphType>>("classId").Resolve(c => c.Source.ClassId);
        Field(x => x.Title);
        Field(x => x.Ended);
        Field<DateTimeOffsetGraphType>("openedAt").Resolve(c => c.Source.OpenedAt);
        Field<DateTimeOffsetGraphType>("endedAt").Resolve(c => c.Source.EndedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendanceRowGraphType>>>>("attendees").Resolve(c => c.Source.Attendees);
        Field(x => x.CompletedCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuestionReportGraphType>>>>("questions").Resolve(c => c.Source.Questions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PollReportGraphType>>>>("polls").Resolve(c => c.Source.Polls);
        Field<NonNullGraphType<StringGraphType>>("csvUrl").Description("Tải CSV (UTF-8 có BOM) với cùng mã đăng nhập.")
            .Resolve(c => $"/classes/sessions/{c.Source.SessionId}/attendance.csv");
    }
}

internal static class ClassroomFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<ClassroomSnapshotGraphType>("classroomSnapshot")
            .Description("Phòng học trực tuyến của một buổi, như khi vào phòng (cho người đã vào lớp, người dẫn lớp và cán bộ đơn vị); null nếu phòng chưa mở.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("sessionId")
            .ResolveAsync(async c =>
            {
                var (room, viewer, _) = await RoomAsync(c);
                return room is null ? null : await ClassroomStore.ReadAsync(c.RequestServices!.GetRequiredService<IDocumentStore>(), room.Id,
                    (sql, r) => ClassroomView.SnapshotAsync(sql, r, viewer, c.CancellationToken), c.CancellationToken);
            });

        query.Field<NonNullGraphType<ClassroomCatchUpGraphType>>("classroomEvents")
            .Description("Các sự kiện sau phiên bản `afterVersion`, đúng và đủ, theo thứ tự; nếu lỡ quá nhiều thì trả về `snapshot`.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("sessionId")
            .Argument<NonNullGraphType<LongGraphType>>("afterVersion")
            .ResolveAsync(async c =>
            {
                var (room, viewer, isHost) = await RoomAsync(c);
                if (room is null) throw new VapeException(ClassroomErrors.NotOpen, "Buổi học chưa bắt đầu.");
                var events = await ClassroomStore.EventsAfterAsync(c.RequestServices!.GetRequiredService<IDocumentStore>(), room,
                    c.GetArgument<long>("afterVersion"), viewer, isHost, c.CancellationToken);
                return events is null
                    ? new ClassroomCatchUp([], await ClassroomStore.ReadAsync(c.RequestServices!.GetRequiredService<IDocumentStore>(), room.Id,
                        (sql, r) => ClassroomView.SnapshotAsync(sql, r, viewer, c.CancellationToken), c.CancellationToken))
                    : new ClassroomCatchUp(events, null);
            });

        query.Field<SessionReportGraphType>("attendance")
            .Description("Điểm danh và tổng kết một buổi học; null nếu không có buổi học hoặc bạn không được xem.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("sessionId")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<AttendanceStore>()
                .ReportAsync(c.GetId("sessionId"), c.User.PersonId() ?? throw VapeException.NotAuthenticated(), c.CancellationToken));
    }

    /// <summary>The room, for someone who has been in it (and was not removed), a host, or one of the unit's class officials.</summary>
    private static async Task<(Classroom.Classroom? Room, Guid Viewer, bool IsHost)> RoomAsync(IResolveFieldContext c)
    {
        var services = c.RequestServices!;
        var viewer = c.User.PersonId() ?? throw VapeException.NotAuthenticated();
        var sessionId = c.GetId("sessionId");
        var catalogue = services.GetRequiredService<CatalogueStore>();
        var s = await catalogue.SessionAsync(sessionId, c.CancellationToken) ?? throw Errors.SessionNotFound();
        var cls = (await catalogue.LoadAsync(s.ClassId, c.CancellationToken))!;
        var room = await ClassroomStore.LoadAsync(services.GetRequiredService<IDocumentStore>(), sessionId, c.CancellationToken);
        var isHost = cls.IsHost(viewer) || await services.GetRequiredService<ClassAccess>().MayManageAsync(cls, viewer, c.CancellationToken);
        var me = room is null ? null : await ClassroomStore.ReadAsync(services.GetRequiredService<IDocumentStore>(), sessionId,
            (sql, _) => ClassroomTables.FindAsync(sql, sessionId, viewer, c.CancellationToken), c.CancellationToken);
        if (!isHost && (me is null || me.Removed || !me.Admitted)) throw VapeException.NotAllowed("Bạn không ở trong phòng học này.");
        return (room, viewer, isHost);
    }
}
