using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Coordination.Channels;
using Vape.Coordination.Messages;
using Vape.Coordination.Realtime;
using Vape.Organization.Contracts;

namespace Vape.Coordination.GraphQL;

internal enum ChannelKind { Unit, CrossLevel, Announcement, Group, Direct }

internal enum MessagePriority { Normal, Important, Urgent }

internal enum ChannelRole { Moderator, Member, Reader }

internal enum PresenceState { Online, Away, Offline }

/// <summary>Our stored words (`CROSS_LEVEL`) and GraphQL's enum values (`CrossLevel` → `CROSS_LEVEL`) are the same names.</summary>
internal static class Wire
{
    public static T ToEnum<T>(string value) where T : struct, Enum => Enum.Parse<T>(value.Replace("_", ""), ignoreCase: true);

    public static string ToWire<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : ch.ToString())).ToUpperInvariant();
}

internal sealed class ChannelKindGraphType : EnumerationGraphType<ChannelKind>
{
    public ChannelKindGraphType()
    {
        Name = "ChannelKind";
        Description = "UNIT: cán bộ của một đơn vị; CROSS_LEVEL: cán bộ đơn vị cùng cán bộ các đơn vị trực thuộc; ANNOUNCEMENT: chỉ cấp trên đăng tin; GROUP: nhóm; DIRECT: hai người.";
    }
}

internal sealed class MessagePriorityGraphType : EnumerationGraphType<MessagePriority>
{
    public MessagePriorityGraphType()
    {
        Name = "MessagePriority";
        Description = "IMPORTANT và URGENT cần thành viên xác nhận; ai chưa xác nhận sẽ được nhắc.";
    }
}

internal sealed class ChannelRoleGraphType : EnumerationGraphType<ChannelRole>
{
    public ChannelRoleGraphType()
    {
        Name = "ChannelRole";
        Description = "MODERATOR: đăng tin và xóa tin của người khác; MEMBER: đăng tin; READER: chỉ đọc, bày tỏ cảm xúc và xác nhận.";
    }
}

internal sealed class PresenceStateGraphType : EnumerationGraphType<PresenceState>
{
    public PresenceStateGraphType() => Name = "Presence";
}

internal sealed record ChannelMemberView(ChannelMember Member, string Presence);

internal sealed class ChannelGraphType : ObjectGraphType<MyChannel>
{
    public ChannelGraphType()
    {
        Name = "Channel";
        Description = "Một kênh trao đổi giữa cán bộ; chỉ thành viên thấy.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Channel.Id);
        Field<NonNullGraphType<ChannelKindGraphType>>("kind").Resolve(c => Wire.ToEnum<ChannelKind>(c.Source.Channel.Kind));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Channel.Name);
        Field<IdGraphType>("unitId").Description("Đơn vị của kênh UNIT, CROSS_LEVEL, ANNOUNCEMENT (tra bằng `unit(id)`).").Resolve(c => c.Source.Channel.UnitId);
        Field<NonNullGraphType<LongGraphType>>("version").Description("Phiên bản luồng của kênh: tăng theo mỗi thay đổi tin nhắn.").Resolve(c => c.Source.Channel.Version);
        Field<NonNullGraphType<ChannelRoleGraphType>>("myRole").Resolve(c => Wire.ToEnum<ChannelRole>(c.Source.Role));
        Field<NonNullGraphType<BooleanGraphType>>("archived")
            .Description("Kênh đã lưu trữ (đơn vị đã sáp nhập hoặc giải thể): chỉ xem lại lịch sử, không đăng, sửa hay bày tỏ cảm xúc được nữa.")
            .Resolve(c => c.Source.Channel.Archived);
        Field<DateTimeOffsetGraphType>("archivedAt").Resolve(c => c.Source.Channel.ArchivedAt);
        Field<IdGraphType>("successorChannelId")
            .Description("Kênh tiếp nối của kênh đã lưu trữ: kênh cùng loại của đơn vị tiếp nhận (khi sáp nhập).")
            .Resolve(c => c.Source.Channel.SuccessorChannelId);
        Field<NonNullGraphType<ChannelUnreadGraphType>>("unread").Description("Trạng thái đọc của bạn.")
            .Resolve(c => new ReadState(c.Source.Channel.Id, c.Source.LastReadVersion, c.Source.Unread, c.Source.Mentions));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChannelMemberGraphType>>>>("members")
            .Description("Thành viên với vai trò, trạng thái trực tuyến và vị trí đã đọc.")
            .ResolveAsync(async c =>
            {
                var members = await c.RequestServices!.GetRequiredService<ChannelStore>().MembersAsync(c.Source.Channel.Id, c.CancellationToken);
                var presence = await c.RequestServices!.GetRequiredService<PresenceStore>().StatusesAsync(members.Select(m => m.PersonId).ToList(), c.CancellationToken);
                return members.Select(m => new ChannelMemberView(m, presence[m.PersonId])).ToList();
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MessageGraphType>>>>("pinnedMessages")
            .Description("Các tin đang ghim của kênh (cả trả lời trong luồng), mới trước cũ sau; tối đa 100.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<MessageStore>().PinnedAsync(c.Source.Channel.Id, 100, c.CancellationToken));
        Field<NonNullGraphType<ConnectionGraphType<MessageGraphType, MessageView>>>("messages")
            .Description("Tin nhắn chính (không gồm trả lời trong luồng), cũ trước mới sau: trang mới nhất, hoặc trang trước `before` / sau `after` một con trỏ (`cursor` của bất kỳ tin nào).")
            .Argument<StringGraphType>("before")
            .Argument<StringGraphType>("after")
            .Argument<IntGraphType>("first", $"Số tin mỗi trang (1–{Page.MaxSize}, mặc định {Page.DefaultSize}).")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<MessageStore>().PageAsync(c.Source.Channel.Id, null,
                c.GetArgument<string?>("before"), c.GetArgument<string?>("after"), c.GetArgument<int?>("first") ?? Page.DefaultSize, c.CancellationToken));
    }
}

internal sealed class ChannelUnreadGraphType : ObjectGraphType<ReadState>
{
    public ChannelUnreadGraphType()
    {
        Name = "ChannelUnread";
        Field<NonNullGraphType<IdGraphType>>("channelId").Resolve(c => c.Source.ChannelId);
        Field<NonNullGraphType<IntGraphType>>("count").Description("Tin chưa đọc (không tính tin của mình và tin đã xóa).").Resolve(c => c.Source.Unread);
        Field<NonNullGraphType<IntGraphType>>("mentions").Description("Trong đó, tin nhắc đến bạn hoặc cả kênh.").Resolve(c => c.Source.Mentions);
        Field<NonNullGraphType<LongGraphType>>("lastReadVersion").Resolve(c => c.Source.LastReadVersion);
    }
}

internal sealed class ChannelMemberGraphType : ObjectGraphType<ChannelMemberView>
{
    public ChannelMemberGraphType()
    {
        Name = "ChannelMember";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.Member.PersonId);
        Field<StringGraphType>("name").Resolve(c => Names.Of(c, c.Source.Member.PersonId));
        Field<NonNullGraphType<ChannelRoleGraphType>>("role").Resolve(c => Wire.ToEnum<ChannelRole>(c.Source.Member.Role));
        Field<NonNullGraphType<BooleanGraphType>>("followsOrganization").Description("Vào/ra kênh tự động theo chức vụ.").Resolve(c => c.Source.Member.Source == "ORGANIZATION");
        Field<NonNullGraphType<PresenceStateGraphType>>("presence").Resolve(c => Wire.ToEnum<PresenceState>(c.Source.Presence));
        Field<NonNullGraphType<LongGraphType>>("lastReadVersion").Resolve(c => c.Source.Member.LastReadVersion);
    }
}

internal sealed class ReactionGraphType : ObjectGraphType<ReactionView>
{
    public ReactionGraphType()
    {
        Name = "Reaction";
        Field(x => x.Emoji);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.PersonIds.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("personIds").Resolve(c => c.Source.PersonIds);
    }
}

internal sealed record AttachmentOf(Guid MessageId, AttachmentView File);

internal sealed class AttachmentGraphType : ObjectGraphType<AttachmentOf>
{
    public AttachmentGraphType()
    {
        Name = "Attachment";
        Field<NonNullGraphType<IdGraphType>>("fileId").Resolve(c => c.Source.File.FileId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.File.Name);
        Field<NonNullGraphType<StringGraphType>>("contentType").Resolve(c => c.Source.File.ContentType);
        Field<NonNullGraphType<LongGraphType>>("length").Resolve(c => c.Source.File.Length);
        Field<NonNullGraphType<StringGraphType>>("url").Description("Tải về (thêm `?download` để lưu thành tệp); chỉ thành viên của kênh.")
            .Resolve(c => Attachments.UrlOf(c.Source.MessageId, c.Source.File.FileId));
    }
}

internal sealed record AcknowledgementView(Guid PersonId, DateTimeOffset At);

internal sealed class AcknowledgementGraphType : ObjectGraphType<AcknowledgementView>
{
    public AcknowledgementGraphType()
    {
        Name = "Acknowledgement";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<StringGraphType>("name").Resolve(c => Names.Of(c, c.Source.PersonId));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At);
    }
}

internal sealed class MessageGraphType : ObjectGraphType<MessageView>
{
    public MessageGraphType()
    {
        Name = "Message";
        Description = "Một tin nhắn. Tin đã xóa giữ chỗ của nó nhưng không còn nội dung.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("channelId").Resolve(c => c.Source.ChannelId);
        Field<NonNullGraphType<IdGraphType>>("authorId").Resolve(c => c.Source.AuthorId);
        Field<StringGraphType>("authorName").Resolve(c => Names.Of(c, c.Source.AuthorId));
        Field<IdGraphType>("threadRootId").Description("Tin gốc của luồng, nếu đây là một trả lời.").Resolve(c => c.Source.ThreadRootId);
        Field<StringGraphType>("body").Description("Nội dung; null nếu đã xóa.").Resolve(c => c.Source.Body);
        Field<NonNullGraphType<MessagePriorityGraphType>>("priority").Resolve(c => Wire.ToEnum<MessagePriority>(c.Source.Priority));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("mentions").Resolve(c => c.Source.Mentions);
        Field<NonNullGraphType<BooleanGraphType>>("mentionsChannel").Description("@kênh: nhắc cả kênh.").Resolve(c => c.Source.MentionsChannel);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReactionGraphType>>>>("reactions").Resolve(c => c.Source.Reactions);
        Field<NonNullGraphType<BooleanGraphType>>("pinned").Resolve(c => c.Source.Pinned);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttachmentGraphType>>>>("attachments")
            .Resolve(c => c.Source.Attachments.Select(a => new AttachmentOf(c.Source.Id, a)).ToList());
        Field<NonNullGraphType<IntGraphType>>("replyCount").Resolve(c => c.Source.ReplyCount);
        Field<NonNullGraphType<IntGraphType>>("acknowledgedCount").Resolve(c => c.Source.AcknowledgedCount);
        Field<NonNullGraphType<BooleanGraphType>>("edited").Resolve(c => c.Source.Edited);
        Field<NonNullGraphType<BooleanGraphType>>("deleted").Resolve(c => c.Source.Deleted);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("postedAt").Resolve(c => c.Source.PostedAt);
        Field<DateTimeOffsetGraphType>("editedAt").Resolve(c => c.Source.EditedAt);
        Field<NonNullGraphType<LongGraphType>>("version").Description("Phiên bản kênh của lần thay đổi cuối cùng của tin.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Con trỏ để lật trang hai chiều từ tin này (`before` / `after`).")
            .Resolve(c => MessageStore.CursorOf(c.Source));
        Field<ListGraphType<NonNullGraphType<AcknowledgementGraphType>>>("acknowledgements")
            .Description("Ai đã xác nhận (tin IMPORTANT / URGENT); null với tin thường.")
            .ResolveAsync(async c => c.Source.Priority == Priorities.Normal ? null
                : (await c.RequestServices!.GetRequiredService<MessageStore>().AcknowledgementsAsync(c.Source.Id, c.CancellationToken))
                    .Select(a => new AcknowledgementView(a.PersonId, a.At)).ToList());
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("unacknowledged")
            .Description("Ai chưa xác nhận (tin IMPORTANT / URGENT); null với tin thường.")
            .ResolveAsync(async c => c.Source.Priority == Priorities.Normal ? null
                : await c.RequestServices!.GetRequiredService<MessageStore>().UnacknowledgedAsync(c.Source, c.CancellationToken));
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("readBy")
            .Description("Ai đã đọc tới tin này: với tin IMPORTANT / URGENT và với kênh nhỏ; null với các tin khác.")
            .ResolveAsync(async c =>
            {
                var services = c.RequestServices!;
                if (c.Source.Priority == Priorities.Normal
                    && await services.GetRequiredService<ChannelStore>().MemberCountAsync(c.Source.ChannelId, c.CancellationToken) > services.GetRequiredService<CoordinationSettings>().SmallChannel)
                    return null;
                return await services.GetRequiredService<MessageStore>().ReadersAsync(c.Source, c.CancellationToken);
            });
    }
}

internal sealed record ThreadView(MessageView Root);

internal sealed class ThreadGraphType : ObjectGraphType<ThreadView>
{
    public ThreadGraphType()
    {
        Name = "Thread";
        Field<NonNullGraphType<MessageGraphType>>("root").Resolve(c => c.Source.Root);
        Field<NonNullGraphType<ConnectionGraphType<MessageGraphType, MessageView>>>("replies")
            .Description("Các trả lời, cũ trước mới sau; lật trang như `messages`.")
            .Argument<StringGraphType>("before")
            .Argument<StringGraphType>("after")
            .Argument<IntGraphType>("first")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<MessageStore>().PageAsync(c.Source.Root.ChannelId, c.Source.Root.Id,
                c.GetArgument<string?>("before"), c.GetArgument<string?>("after"), c.GetArgument<int?>("first") ?? Page.DefaultSize, c.CancellationToken));
    }
}

internal static class Names
{
    public static IDataLoaderResult<string?> Of(IResolveFieldContext context, Guid personId) =>
        context.RequestServices!.GetRequiredService<BatchLoaders>()
            .Get<Guid, string>("coordination.names", (services, ids, ct) => services.GetRequiredService<IOrganizationQueries>().DisplayNamesAsync(ids, ct))
            .Load(personId);
}

internal static class Actor
{
    public static Guid Of(IResolveFieldContext context) => context.User.PersonId() ?? throw VapeException.NotAuthenticated();
}
