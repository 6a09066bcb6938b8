using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Channels;
using Vape.Coordination.Messages;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination.Deciders;

/// <summary>
/// Given a channel, the roles of the people a post names and the messages it names, when a post, then the message
/// to append, nothing (a resend) or the refusal (docs/adr/0305). What `append_posts` checks and writes is
/// AppendPostsTests; the same rules through the hub and GraphQL, MessageTests and PostRulesTests.
/// </summary>
public class PostDeciderTests
{
    private static readonly Guid Mentioned = Guid.Parse("01900000-0000-7000-8000-0000000000b2");
    private static readonly Guid Id = Guid.Parse("01900000-0000-7000-8000-0000000000f1");

    private static PostStatement Post(Guid? parent = null, Guid[]? mentions = null, Guid? author = null) =>
        new(new PostMessage(ChannelSpec.Channel().Id, Id, "Xin chào", parent, null, mentions, false, author ?? ChannelSpec.Author),
            "Xin chào", Priorities.Normal, mentions ?? [], [], ChannelSpec.At);

    private static Decision<IMessageEvent> When(PostStatement post, Channel? channel = null, string? role = MemberRoles.Member,
        Dictionary<Guid, string?>? others = null, params MessageView[] messages) =>
        ChannelSpec.When(() => post.Decide(new PostState(channel ?? ChannelSpec.Channel(),
            p => p == ChannelSpec.Author ? role : others?.GetValueOrDefault(p),
            id => messages.FirstOrDefault(m => m.Id == id))));

    private static MessagePosted Posted(Guid? root = null, Guid[]? mentions = null) =>
        new(Id, ChannelSpec.Author, root, "Xin chào", Priorities.Normal, mentions ?? [], false, [], ChannelSpec.At);

    [Fact]
    public void A_member_posts() => When(Post()).Then(Posted());

    [Fact]
    public void No_channel_is_not_found() =>
        ChannelSpec.When(() => Post().Decide(new PostState(null, _ => MemberRoles.Member, _ => null))).ThenRefused(ErrorCodes.NotFound, "kênh");

    [Fact]
    public void Only_a_member_posts() => When(Post(), role: null).ThenRefused(ErrorCodes.NotAllowed, "thành viên");

    [Fact]
    public void An_archived_channel_takes_no_post_even_from_its_moderator() =>
        When(Post(), ChannelSpec.Channel(archived: true), MemberRoles.Moderator).ThenRefused(ErrorCodes.NotAllowed, "lưu trữ");

    [Fact]
    public void A_reader_only_reads_and_is_told_why_in_an_announcement_channel()
    {
        When(Post(), role: MemberRoles.Reader).ThenRefused(ErrorCodes.NotAllowed, "chỉ được đọc");
        When(Post(), ChannelSpec.Channel(ChannelKinds.Announcement), MemberRoles.Reader).ThenRefused(ErrorCodes.NotAllowed, "kênh thông báo");
    }

    [Fact]
    public void The_same_id_again_from_its_author_in_its_channel_is_a_resend_that_changes_nothing_even_once_archived()
    {
        var stored = ChannelSpec.Message() with { Id = Id };
        When(Post(), messages: stored).ThenNothing();
        When(Post(), ChannelSpec.Channel(archived: true), messages: stored).ThenNothing();
    }

    [Fact]
    public void An_id_already_used_by_someone_else_or_in_another_channel_is_refused()
    {
        When(Post(), messages: ChannelSpec.Message() with { Id = Id, AuthorId = ChannelSpec.Other }).ThenRefused(ErrorCodes.InvalidInput, "đã được dùng");
        When(Post(), messages: ChannelSpec.Message() with { Id = Id, ChannelId = Guid.CreateVersion7() }).ThenRefused(ErrorCodes.InvalidInput, "đã được dùng");
    }

    [Fact]
    public void A_reply_joins_the_thread_of_its_parent_and_a_reply_to_a_reply_the_same_thread()
    {
        var parent = ChannelSpec.Message();
        When(Post(parent.Id), messages: parent).Then(Posted(parent.Id));
        var root = Guid.CreateVersion7();
        When(Post(parent.Id), messages: parent with { ThreadRootId = root }).Then(Posted(root));
    }

    [Fact]
    public void A_reply_to_a_message_not_in_the_channel_or_deleted_is_refused()
    {
        var parent = ChannelSpec.Message();
        When(Post(parent.Id)).ThenRefused(ErrorCodes.NotFound, "được trả lời");
        When(Post(parent.Id), messages: parent with { ChannelId = Guid.CreateVersion7() }).ThenRefused(ErrorCodes.NotFound, "được trả lời");
        When(Post(parent.Id), messages: ChannelSpec.Message(deleted: true)).ThenRefused(ErrorCodes.InvalidInput, "đã bị xóa");
    }

    [Fact]
    public void Only_members_are_mentioned_readers_included()
    {
        When(Post(mentions: [Mentioned]), others: new() { [Mentioned] = MemberRoles.Reader }).Then(Posted(mentions: [Mentioned]));
        When(Post(mentions: [Mentioned])).ThenRefused(ErrorCodes.InvalidInput, "thành viên của kênh");
    }

    [Fact]
    public void A_set_decided_together_sees_its_earlier_posts_a_resend_of_one_and_a_reply_to_one()
    {
        var first = Post();
        var reply = new PostStatement(first.Command with { MessageId = Guid.CreateVersion7(), ThreadRootId = Id }, "Trả lời", Priorities.Normal, [], [], ChannelSpec.At);
        var decisions = ChannelPosts.Decide([first, Post(), reply, Post(author: ChannelSpec.Other)], ChannelSpec.Channel(),
            p => p == ChannelSpec.Author ? MemberRoles.Member : p == ChannelSpec.Other ? MemberRoles.Member : null, _ => null);
        Assert.Equal((Id, ChannelSpec.Author), (decisions[0].Posted!.MessageId, decisions[0].Posted!.AuthorId));
        Assert.Equal(0, decisions[1].SameAs);
        Assert.Equal(Id, decisions[2].Posted!.ThreadRootId);
        Assert.Equal(ErrorCodes.InvalidInput, decisions[3].Refused!.Code);
    }
}
