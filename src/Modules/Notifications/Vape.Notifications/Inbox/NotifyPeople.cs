using Marten;
using Vape.BuildingBlocks.Storage;
using Vape.Classes.Contracts;
using Vape.Content.Contracts;
using Vape.Coordination.Contracts;
using Vape.Notifications.Contracts;
using Vape.Notifications.Push;
using Vape.Records.Contracts;
using Wolverine;

namespace Vape.Notifications.Inbox;

/// <summary>
/// Other modules' integration events, each rendered once into Vietnamese and written to the inbox of the people it
/// concerns. The handlers run from durable local queues after the publisher's commit; the subject makes a second
/// delivery a no-op (ADR 0122). A text names only what every recipient may see: no record's contents, no reasons,
/// but for an official's action on one person's own thing, told to that person alone (docs/adr/0312).
/// </summary>
/// <remarks>Wolverine finds handlers by the `Handler` suffix.</remarks>
public static class NotifyPeopleHandler
{
    public static Task<OutgoingMessages> Handle(RecordEntryDecided e, InboxStore inbox, IDocumentSession session, CancellationToken ct) =>
        AddAsync(inbox, session, [e.PersonId], Render(e), ct);

    public static Task<OutgoingMessages> Handle(LearningTitleDecided e, InboxStore inbox, IDocumentSession session, CancellationToken ct) =>
        AddAsync(inbox, session, [.. e.PersonIds], Render(e), ct);

    public static Task<OutgoingMessages> Handle(ResourceReviewed e, InboxStore inbox, IDocumentSession session, CancellationToken ct) =>
        AddAsync(inbox, session, [e.SubmittedBy], Render(e), ct);

    public static Task<OutgoingMessages> Handle(ResourceWithdrawn e, InboxStore inbox, IDocumentSession session, CancellationToken ct) =>
        AddAsync(inbox, session, [e.SubmittedBy], Render(e), ct);

    public static Task<OutgoingMessages> Handle(ClassLearnerRemoved e, InboxStore inbox, IDocumentSession session, CancellationToken ct) =>
        AddAsync(inbox, session, [e.PersonId], Render(e), ct);

    public static Task<OutgoingMessages> Handle(ClassChanged e, InboxStore inbox, IDocumentSession session, CancellationToken ct) =>
        AddAsync(inbox, session, [.. e.LearnerIds], Render(e), ct);

    public static Task<OutgoingMessages> Handle(ClassCancelled e, InboxStore inbox, IDocumentSession session, CancellationToken ct) =>
        AddAsync(inbox, session, [.. e.LearnerIds], Render(e), ct);

    public static Task<OutgoingMessages> Handle(ClassPlaceFreed e, InboxStore inbox, IDocumentSession session, CancellationToken ct) =>
        AddAsync(inbox, session, [.. e.LearnerIds], Render(e), ct);

    public static Task<OutgoingMessages> Handle(ClassReminderDue e, InboxStore inbox, IDocumentSession session, CancellationToken ct) =>
        AddAsync(inbox, session, [.. e.PersonIds], Render(e), ct);

    public static Task<OutgoingMessages> Handle(MembersMentioned e, InboxStore inbox, IDocumentSession session, CancellationToken ct) =>
        AddAsync(inbox, session, [.. e.PersonIds], Render(e), ct);

    public static Task<OutgoingMessages> Handle(PriorityPostPosted e, InboxStore inbox, IDocumentSession session, CancellationToken ct) =>
        AddAsync(inbox, session, [.. e.PersonIds], Render(e), ct);

    public static Task<OutgoingMessages> Handle(DirectiveReceived e, InboxStore inbox, IDocumentSession session, CancellationToken ct) =>
        AddAsync(inbox, session, [.. e.OfficialIds], Render(e), ct);

    public static Task<OutgoingMessages> Handle(DirectiveOverdue e, InboxStore inbox, IDocumentSession session, CancellationToken ct) =>
        AddAsync(inbox, session, [.. e.OfficialIds], Render(e), ct);

    /// <summary>Written in the handler's transaction with the messages that deliver it, so a delivery follows every committed row.</summary>
    private static async Task<OutgoingMessages> AddAsync(InboxStore inbox, IDocumentSession session, IReadOnlyCollection<Guid> people, NotificationText text,
        CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        foreach (var (id, person) in await inbox.AddAsync(new SessionSql(session), people, text, ct))
            messages.Add(new NotificationAdded(id, person));
        return messages;
    }

    internal static NotificationText Render(RecordEntryDecided e) => e.Verified
        ? new(NotificationKind.EntryVerified, e.EntryId.ToString(),
            "Hồ sơ học tập: một mục đã được xác nhận", "Một hoạt động hoặc chứng chỉ bạn khai trong hồ sơ học tập đã được đơn vị xác nhận.", "/record")
        : new(NotificationKind.EntryRejected, e.EntryId.ToString(),
            "Hồ sơ học tập: một mục bị từ chối", "Một hoạt động hoặc chứng chỉ bạn khai trong hồ sơ học tập chưa được xác nhận; lý do có trong hồ sơ.", "/record");

    internal static NotificationText Render(LearningTitleDecided e)
    {
        var title = LearningTitleDecided.KindName(e.Kind) ?? "học tập";
        return e.Confirmed
            ? new(NotificationKind.TitleDecided, e.ProposalId.ToString(), $"Danh hiệu «{title}» năm {e.Year}",
                $"Danh hiệu «{title}» năm {e.Year} đã được công nhận và ghi vào hồ sơ học tập.", "/record")
            : new(NotificationKind.TitleDecided, e.ProposalId.ToString(), $"Danh hiệu «{title}» năm {e.Year}",
                $"Đề xuất danh hiệu «{title}» năm {e.Year} chưa được công nhận.", "/record");
    }

    internal static NotificationText Render(ResourceReviewed e) => e.Approved
        ? new(NotificationKind.ResourceReviewed, $"{e.ResourceId}:{e.ReviewedAt.ToUnixTimeMilliseconds()}", "Tài nguyên của bạn đã được duyệt",
            "Tài nguyên bạn gửi đã được duyệt và có trong thư viện.", $"/library/{e.ResourceId}")
        : new(NotificationKind.ResourceReviewed, $"{e.ResourceId}:{e.ReviewedAt.ToUnixTimeMilliseconds()}", "Tài nguyên của bạn chưa được duyệt",
            "Tài nguyên bạn gửi chưa được duyệt; lý do có trong danh sách tài nguyên của bạn.", "/library/mine");

    /// <summary>The longest reason a notification quotes: a Web Push payload holds about 4 KB (RFC 8291), and the rest is on the page it links to.</summary>
    private const int QuotedReason = 300;

    private static string Quote(string reason) => reason.Length <= QuotedReason ? reason : string.Concat(reason.AsSpan(0, QuotedReason - 1), "…");

    /// <summary>To the submitter alone: their resource and the official's reason, never who withdrew it (docs/adr/0312).</summary>
    internal static NotificationText Render(ResourceWithdrawn e) => new(NotificationKind.ResourceWithdrawn, e.ResourceId.ToString(),
        $"Tài nguyên «{e.Title}» đã bị rút khỏi thư viện", $"Cán bộ đơn vị duyệt đã rút tài nguyên bạn gửi. Lý do: {Quote(e.Reason)}", "/library/mine");

    /// <summary>To the removed learner alone: the class and the official's reason, once per removal (docs/adr/0312).</summary>
    internal static NotificationText Render(ClassLearnerRemoved e) => new(NotificationKind.RemovedFromClass, $"{e.ClassId}:{e.RemovedAt.ToUnixTimeMilliseconds()}",
        $"Bạn đã được đưa ra khỏi lớp «{e.Title}»", $"Cán bộ tổ chức lớp đã đưa bạn ra khỏi lớp học (hoặc danh sách chờ). Lý do: {Quote(e.Reason)}",
        $"/classes/{e.ClassId}");

    internal static NotificationText Render(ClassChanged e) => new(NotificationKind.ClassChanged, $"{e.ClassId}:{e.Version}",
        $"Lớp «{e.Title}» có thay đổi", "Thông tin lớp học bạn đăng ký vừa được cập nhật; hãy xem lại trước buổi học.", $"/classes/{e.ClassId}");

    internal static NotificationText Render(ClassCancelled e) => new(NotificationKind.ClassCancelled, e.ClassId.ToString(),
        $"Lớp «{e.Title}» đã bị hủy", "Các buổi học chưa diễn ra của lớp này sẽ không mở nữa.", $"/classes/{e.ClassId}");

    internal static NotificationText Render(ClassPlaceFreed e) => new(NotificationKind.ClassPlaceFreed, $"{e.ClassId}:{e.Id}",
        $"Lớp «{e.Title}»: bạn đã có chỗ", "Một chỗ trong lớp học vừa trống và bạn được chuyển từ danh sách chờ vào lớp.", $"/classes/{e.ClassId}");

    internal static NotificationText Render(DirectiveReceived e) => new(NotificationKind.DirectiveReceived, $"{e.DirectiveId}:{e.UnitId}",
        $"Văn bản mới: {e.Number}", $"«{e.Title}» đã gửi đến đơn vị của bạn; hạn xác nhận đã đọc: {e.AcknowledgeBy:dd/MM/yyyy}.", $"/console/directives/{e.DirectiveId}");

    /// <summary>A priority item: a directive comes from a unit's officials, whose role may break quiet hours (ADR 0182).</summary>
    internal static NotificationText Render(DirectiveOverdue e) => new(NotificationKind.DirectiveOverdue, $"{e.DirectiveId}:{e.UnitId}:{e.Deadline}",
        $"Quá hạn: {e.Number}",
        e.Deadline == DirectiveDeadline.Acknowledge
            ? $"Đơn vị của bạn chưa xác nhận đã đọc «{e.Title}» (hạn {e.Due:dd/MM/yyyy})."
            : $"Đơn vị của bạn chưa báo cáo thực hiện «{e.Title}» (hạn {e.Due:dd/MM/yyyy}).",
        $"/console/directives/{e.DirectiveId}", Priority: true);

    /// <summary>Vietnam's time (UTC+7, no daylight saving), in which a reminder names the start.</summary>
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>
    /// A class reminder, once per session, lead and start (a session moved to another start is reminded again, docs/adr/0208).
    /// The start in Vietnam's time: every recipient reads the same text.
    /// </summary>
    internal static NotificationText Render(ClassReminderDue e)
    {
        var at = e.StartsAt.ToOffset(VietnamOffset).ToString("HH:mm 'ngày' dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return e.LeadMinutes >= 24 * 60
            ? new(NotificationKind.ClassReminder, $"{e.SessionId}:{e.LeadMinutes}:{e.StartsAt.ToUnixTimeSeconds()}",
                $"Nhắc lịch: lớp «{e.Title}»", $"Buổi học bắt đầu lúc {at} (giờ Việt Nam).", $"/classes/{e.ClassId}")
            : new(NotificationKind.ClassReminder, $"{e.SessionId}:{e.LeadMinutes}:{e.StartsAt.ToUnixTimeSeconds()}",
                $"Lớp «{e.Title}» sắp bắt đầu", $"Buổi học bắt đầu lúc {at} (giờ Việt Nam), sau khoảng {e.LeadMinutes} phút nữa.", $"/classes/{e.ClassId}");
    }

    /// <summary>A mention names the channel, not the post (the recipients open the channel to read it); never priority (ADR 0182).</summary>
    internal static NotificationText Render(MembersMentioned e) => new(NotificationKind.Mentioned, e.MessageId.ToString(),
        $"Bạn được nhắc đến trong kênh «{e.ChannelName}»", "Một tin nhắn trong kênh nhắc đến bạn; hãy mở kênh để xem.", $"/console/channels/{e.ChannelId}");

    /// <summary>
    /// A post to acknowledge. Priority (through quiet hours) only when URGENT in an announcement channel, where only
    /// the unit's own officials post: an official speaking to the units below (ADR 0182, docs/adr/0209).
    /// </summary>
    internal static NotificationText Render(PriorityPostPosted e) => new(NotificationKind.PriorityPost, e.MessageId.ToString(),
        e.Urgent ? $"Tin khẩn trong kênh «{e.ChannelName}»" : $"Tin quan trọng trong kênh «{e.ChannelName}»",
        "Một tin nhắn cần bạn xác nhận đã đọc; hãy mở kênh để xem và xác nhận.", $"/console/channels/{e.ChannelId}",
        Priority: e.Urgent && e.Announcement);
}
