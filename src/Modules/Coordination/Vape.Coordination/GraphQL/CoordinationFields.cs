using System.Text;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Coordination.Channels;
using Vape.Coordination.Messages;
using Wolverine;

namespace Vape.Coordination.GraphQL;

internal static class CoordinationFields
{
    public const int MaxSearchLength = 100;

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<ChannelGraphType, MyChannel>>>("channels")
            .Description("Các kênh của bạn, với số tin chưa đọc. Kênh của đơn vị có sẵn theo chức vụ của bạn.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var page = Page.From(c);
                var me = Actor.Of(c);
                await c.RequestServices!.GetRequiredService<UnitChannelDirectory>().EnsureForAsync(me, c.CancellationToken);
                return page.Slice(await c.RequestServices!.GetRequiredService<ChannelStore>().ChannelsOfAsync(me, c.CancellationToken));
            });

        query.Field<ChannelGraphType>("channel")
            .Description("Một kênh của bạn; null nếu không có hoặc bạn không phải thành viên.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var me = Actor.Of(c);
                await c.RequestServices!.GetRequiredService<UnitChannelDirectory>().EnsureForAsync(me, c.CancellationToken);
                return await c.RequestServices!.GetRequiredService<ChannelStore>().ChannelOfAsync(c.GetId("id"), me, c.CancellationToken);
            });

        query.Field<ThreadGraphType>("thread")
            .Description("Một tin nhắn và các trả lời của nó; null nếu không có hoặc bạn không ở trong kênh của nó.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<IdGraphType>>("messageId")
            .ResolveAsync(async c =>
            {
                var message = await VisibleMessageOrNullAsync(c, c.GetId("messageId"));
                if (message is null) return null;
                if (message.ThreadRootId is Guid root) message = (await c.RequestServices!.GetRequiredService<MessageStore>().FindAsync(root, c.CancellationToken))!;
                return new ThreadView(message);
            });

        query.Field<NonNullGraphType<ConnectionGraphType<MessageGraphType, MessageView>>>("searchMessages")
            .Description("Tìm tin nhắn trong các kênh của bạn, không phân biệt dấu và đ/d; khớp đúng dấu xếp trước, rồi tin mới hơn.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<IdGraphType>("channelId", "Chỉ tìm trong kênh này.")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var text = (c.GetArgument<string>("text") ?? "").Trim().Normalize(NormalizationForm.FormC);
                if (text.Length == 0) throw VapeException.InvalidInput("Hãy nhập nội dung tìm kiếm.");
                if (text.Length > MaxSearchLength) throw VapeException.InvalidInput($"Nội dung tìm kiếm dài tối đa {MaxSearchLength} ký tự.");
                return await Page.From(c).RankedAsync<MessageView>(async limit => await c.RequestServices!.GetRequiredService<MessageStore>()
                    .SearchAsync(Actor.Of(c), text, c.GetOptionalId("channelId"), limit, c.CancellationToken));
            });
    }

    private static async Task<MessageView?> VisibleMessageOrNullAsync(IResolveFieldContext c, Guid messageId)
    {
        var message = await c.RequestServices!.GetRequiredService<MessageStore>().FindAsync(messageId, c.CancellationToken);
        if (message is null || await c.RequestServices!.GetRequiredService<ChannelStore>().ChannelOfAsync(message.ChannelId, Actor.Of(c), c.CancellationToken) is null)
            return null;
        return message;
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ChannelGraphType>>("createChannel")
            .Description("Tạo nhóm (GROUP, có tên) hoặc trò chuyện riêng (DIRECT, một người khác; đã có thì trả về kênh cũ). Chỉ cán bộ.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<CreateChannelInput>>>("input")
            .ResolveAsync(async c =>
            {
                var me = Actor.Of(c);
                var input = c.GetArgument<CreateChannelInput>("input");
                var channel = await c.RequestServices!.GetRequiredService<IMessageBus>().InvokeAsync<Channel>(new CreateChannel(Wire.ToWire(input.Kind),
                    input.Name, (input.MemberIds ?? []).Select(id => Ids.Parse(id, "memberIds")).ToList(), me), c.CancellationToken);
                return await c.RequestServices!.GetRequiredService<ChannelStore>().DemandMemberAsync(channel.Id, me, c.CancellationToken);
            });

        ChannelMutation<AddChannelMembersInput>(mutation, "addChannelMembers",
            "Người điều hành nhóm (GROUP) thêm người vào nhóm (đã ở trong nhóm thì không đổi gì).",
            (i, me) => new AddChannelMembers(Ids.Parse(i.ChannelId, "channelId"), (i.PersonIds ?? []).Select(id => Ids.Parse(id, "personIds")).ToList(), me));
        ChannelMutation<RemoveChannelMemberInput>(mutation, "removeChannelMember",
            "Người điều hành nhóm bớt một thành viên (không bớt được người điều hành cuối cùng). Người bị bớt không nhận và không đọc được tin mới nữa.",
            (i, me) => new RemoveChannelMember(Ids.Parse(i.ChannelId, "channelId"), Ids.Parse(i.PersonId, "personId"), me));
        mutation.Field<NonNullGraphType<LeftChannelGraphType>>("leaveChannel")
            .Description("Rời một nhóm (GROUP). Người điều hành cuối cùng hãy giao quyền trước khi rời.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<LeaveChannelInput>>>("input")
            .ResolveAsync(async c =>
            {
                var channel = await c.RequestServices!.GetRequiredService<IMessageBus>().InvokeAsync<Channel>(
                    new LeaveChannel(Ids.Parse(c.GetArgument<LeaveChannelInput>("input").ChannelId, "channelId"), Actor.Of(c)), c.CancellationToken);
                return new LeftChannel(channel.Id);
            });
        mutation.Field<NonNullGraphType<MessageGraphType>>("postMessage")
            .Description($"Đăng tin (1–{MessageRules.MaxLength} ký tự) hoặc trả lời trong luồng. `messageId` do bạn tạo (UUID): gửi lại cùng mã không tạo tin trùng.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<PostMessageInput>>>("input")
            .ResolveAsync(async c =>
            {
                var i = c.GetArgument<PostMessageInput>("input");
                return await c.RequestServices!.GetRequiredService<Posting>().PostAsync(new PostMessage(Ids.Parse(i.ChannelId, "channelId"),
                    Ids.Parse(i.MessageId, "messageId"), i.Body, i.ThreadRootId is null ? null : Ids.Parse(i.ThreadRootId, "threadRootId"),
                    Wire.ToWire(i.Priority ?? MessagePriority.Normal), (i.Mentions ?? []).Select(id => Ids.Parse(id, "mentions")).ToList(),
                    i.MentionsChannel ?? false, Actor.Of(c), (i.AttachmentIds ?? []).Select(id => Ids.Parse(id, "attachmentIds")).ToList()), c.CancellationToken);
            });
        Mutation<MessageGraphType, EditMessageInput, MessageView>(mutation, "editMessage", "Sửa tin của mình (hiện là đã sửa).",
            (i, me) => new EditMessage(Ids.Parse(i.MessageId, "messageId"), i.Body, me));
        Mutation<MessageGraphType, DeleteMessageInput, MessageView>(mutation, "deleteMessage", "Xóa tin của mình (người điều hành: cả tin của người khác).",
            (i, me) => new DeleteMessage(Ids.Parse(i.MessageId, "messageId"), me));
        Mutation<MessageGraphType, ReactToMessageInput, MessageView>(mutation, "reactToMessage", "Bày tỏ cảm xúc (`add: false` để bỏ).",
            (i, me) => new ReactToMessage(Ids.Parse(i.MessageId, "messageId"), i.Emoji, i.Add ?? true, me));
        Mutation<MessageGraphType, PinMessageInput, MessageView>(mutation, "pinMessage", "Ghim tin lên kênh (`pinned: false` để bỏ ghim).",
            (i, me) => new PinMessage(Ids.Parse(i.MessageId, "messageId"), i.Pinned ?? true, me));
        Mutation<MessageGraphType, AcknowledgeMessageInput, MessageView>(mutation, "acknowledgeMessage", "Xác nhận đã nhận tin IMPORTANT / URGENT.",
            (i, me) => new AcknowledgeMessage(Ids.Parse(i.MessageId, "messageId"), me));
        Mutation<ChannelUnreadGraphType, MarkChannelReadInput, ReadState>(mutation, "markChannelRead", "Đánh dấu đã đọc tới một tin (mặc định: tới tin mới nhất).",
            (i, me) => new MarkChannelRead(Ids.Parse(i.ChannelId, "channelId"), i.UpToMessageId is null ? null : Ids.Parse(i.UpToMessageId, "upToMessageId"), me));
    }

    /// <summary>A change of a channel's members: the command through Wolverine, then the channel as the caller sees it now.</summary>
    private static void ChannelMutation<TInput>(ObjectGraphType mutation, string name, string description, Func<TInput, Guid, object> command)
    {
        mutation.Field<NonNullGraphType<ChannelGraphType>>(name)
            .Description(description)
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<TInput>>>("input")
            .ResolveAsync(async c =>
            {
                var me = Actor.Of(c);
                var channel = await c.RequestServices!.GetRequiredService<IMessageBus>().InvokeAsync<Channel>(command(c.GetArgument<TInput>("input"), me), c.CancellationToken);
                return await c.RequestServices!.GetRequiredService<ChannelStore>().DemandMemberAsync(channel.Id, me, c.CancellationToken);
            });
    }

    /// <summary>Signed in, one `input` argument, the command sent through Wolverine (transaction, outbox).</summary>
    private static void Mutation<TGraph, TInput, TResult>(ObjectGraphType mutation, string name, string description, Func<TInput, Guid, object> command)
        where TGraph : IGraphType
    {
        mutation.Field<NonNullGraphType<TGraph>>(name)
            .Description(description)
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<TInput>>>("input")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<IMessageBus>()
                .InvokeAsync<TResult>(command(c.GetArgument<TInput>("input"), Actor.Of(c)), c.CancellationToken));
    }
}

internal sealed record CreateChannelInput(ChannelKind Kind, string? Name, string[]? MemberIds);
internal sealed record PostMessageInput(string ChannelId, string MessageId, string Body, string? ThreadRootId, MessagePriority? Priority, [property: global::GraphQL.Id] string[]? Mentions, bool? MentionsChannel, string[]? AttachmentIds);
internal sealed record AddChannelMembersInput(string ChannelId, string[] PersonIds);

internal sealed record RemoveChannelMemberInput(string ChannelId, string PersonId);

internal sealed record LeaveChannelInput(string ChannelId);

/// <summary>What `leaveChannel` answers: the channel one is no longer in.</summary>
internal sealed record LeftChannel(Guid ChannelId);

internal sealed class LeftChannelGraphType : ObjectGraphType<LeftChannel>
{
    public LeftChannelGraphType()
    {
        Name = "LeftChannel";
        Field<NonNullGraphType<IdGraphType>>("channelId").Resolve(c => c.Source.ChannelId);
    }
}

internal sealed record EditMessageInput(string MessageId, string Body);
internal sealed record DeleteMessageInput(string MessageId);
internal sealed record ReactToMessageInput(string MessageId, string Emoji, bool? Add);
internal sealed record PinMessageInput(string MessageId, bool? Pinned);
internal sealed record AcknowledgeMessageInput(string MessageId);
internal sealed record MarkChannelReadInput(string ChannelId, string? UpToMessageId);

