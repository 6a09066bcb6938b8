using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Channels;
using Vape.Coordination.Messages;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination.Deciders;

/// <summary>
/// Given a channel, the actor's role and a message, when an action, then the events or the refusal: a channel's
/// rules in memory, without a host (docs/adr/0113). The locking, the SQL and the pushes are tested by MessageTests,
/// ChannelTests and AppendPostsTests; a post's own rules are PostDeciderTests.
/// </summary>
internal static class ChannelSpec
{
    public static readonly Guid Author = Guid.Parse("01900000-0000-7000-8000-0000000000a1");
    public static readonly Guid Other = Guid.Parse("01900000-0000-7000-8000-0000000000b1");
    public static readonly DateTimeOffset T0 = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset At = T0.AddMinutes(3);

    public static Channel Channel(string kind = ChannelKinds.CrossLevel, bool archived = false) =>
        new(Guid.Parse("01900000-0000-7000-8000-0000000000c1"), kind, null, "Kênh", 5, null, T0, archived ? T0 : null);

    public static MessageView Message(string priority = Priorities.Normal, bool deleted = false, bool pinned = false, params ReactionView[] reactions) =>
        new(Guid.Parse("01900000-0000-7000-8000-0000000000e1"), Channel().Id, Author, null, deleted ? null : "Họp lúc 14 giờ.", priority, [], false,
            reactions, pinned, 0, 0, 3, 3, T0, null, deleted ? T0 : null, []);

    public static Decision<IMessageEvent> When(Func<IReadOnlyList<IMessageEvent>> decide) => Decision<IMessageEvent>.Of(decide);
}

/// <summary>The rule every action in a channel obeys first (<c>ChannelDecider</c>).</summary>
public class ChannelActingTests
{
    [Fact]
    public void Only_a_member_acts() =>
        Decision.One(() => ChannelDecider.Acting(ChannelSpec.Channel(), null)).ThenRefused(ErrorCodes.NotAllowed, "thành viên");

    [Fact]
    public void An_archived_channel_refuses_even_its_moderators() =>
        Decision.One(() => ChannelDecider.Acting(ChannelSpec.Channel(archived: true), MemberRoles.Moderator)).ThenRefused(ErrorCodes.NotAllowed, "lưu trữ");

    [Fact]
    public void A_member_of_an_open_channel_acts() =>
        Assert.Equal(MemberRoles.Member, ChannelDecider.Acting(ChannelSpec.Channel(), MemberRoles.Member));

    [Fact]
    public void A_reader_may_not_write_and_is_told_why_in_an_announcement_channel()
    {
        Decision.One(() => { ChannelDecider.MayWrite(ChannelSpec.Channel(), MemberRoles.Reader); return 0; }).ThenRefused(ErrorCodes.NotAllowed, "chỉ được đọc");
        Decision.One(() => { ChannelDecider.MayWrite(ChannelSpec.Channel(ChannelKinds.Announcement), MemberRoles.Reader); return 0; })
            .ThenRefused(ErrorCodes.NotAllowed, "kênh thông báo");
        ChannelDecider.MayWrite(ChannelSpec.Channel(), MemberRoles.Member);
    }
}

public class EditMessageTests
{
    private static Decision<IMessageEvent> When(string? body, Guid actor, string role = MemberRoles.Member, MessageView? message = null) =>
        ChannelSpec.When(() => new EditMessage(ChannelSpec.Message().Id, body, actor).Decide(ChannelSpec.Channel(), role, message ?? ChannelSpec.Message(), ChannelSpec.At));

    [Fact]
    public void The_author_changes_the_text() => When("  Họp lúc 15 giờ. ", ChannelSpec.Author).Then(new MessageEdited("Họp lúc 15 giờ.", ChannelSpec.At));

    [Fact]
    public void The_same_text_changes_nothing() => When("Họp lúc 14 giờ.", ChannelSpec.Author).ThenNothing();

    [Fact]
    public void Only_the_author_edits_even_a_moderator_may_not() =>
        When("Khác", ChannelSpec.Other, MemberRoles.Moderator).ThenRefused(ErrorCodes.NotAllowed, "người viết");

    [Fact]
    public void An_author_now_a_reader_may_not() => When("Khác", ChannelSpec.Author, MemberRoles.Reader).ThenRefused(ErrorCodes.NotAllowed);

    [Fact]
    public void A_deleted_message_or_an_empty_text_is_refused()
    {
        When("Khác", ChannelSpec.Author, message: ChannelSpec.Message(deleted: true)).ThenRefused(ErrorCodes.InvalidInput, "đã bị xóa");
        When("   ", ChannelSpec.Author).ThenRefused(ErrorCodes.InvalidInput, "trống");
        When(new string('x', MessageRules.MaxLength + 1), ChannelSpec.Author).ThenRefused(ErrorCodes.InvalidInput);
    }

    [Fact]
    public void The_message_after_shows_as_edited()
    {
        var after = ChannelSpec.Message().Apply(new MessageEdited("Họp lúc 15 giờ.", ChannelSpec.At));
        Assert.Equal(("Họp lúc 15 giờ.", true), (after.Body, after.Edited));
    }
}

public class DeleteMessageTests
{
    private static Decision<IMessageEvent> When(Guid actor, string role, MessageView? message = null) =>
        ChannelSpec.When(() => new DeleteMessage(ChannelSpec.Message().Id, actor).Decide(role, message ?? ChannelSpec.Message(), ChannelSpec.At));

    [Fact]
    public void The_author_deletes_their_message() => When(ChannelSpec.Author, MemberRoles.Reader).Then(new MessageDeleted(ChannelSpec.At));

    [Fact]
    public void A_moderator_deletes_anyones() => When(ChannelSpec.Other, MemberRoles.Moderator).Then(new MessageDeleted(ChannelSpec.At));

    [Fact]
    public void A_member_may_not_delete_anothers() => When(ChannelSpec.Other, MemberRoles.Member).ThenRefused(ErrorCodes.NotAllowed);

    [Fact]
    public void Deleting_again_changes_nothing() => When(ChannelSpec.Author, MemberRoles.Member, ChannelSpec.Message(deleted: true)).ThenNothing();

    [Fact]
    public void A_tombstone_keeps_nothing_but_its_place()
    {
        var after = ChannelSpec.Message(pinned: true, reactions: new ReactionView("👍", [ChannelSpec.Other])).Apply(new MessageDeleted(ChannelSpec.At));
        Assert.Equal((null, false, 0, true, 3L), (after.Body, after.Pinned, after.Reactions.Count, after.Deleted, after.PostedVersion));
    }
}

public class PinMessageTests
{
    private static Decision<IMessageEvent> When(bool pinned, string role = MemberRoles.Member, MessageView? message = null) =>
        ChannelSpec.When(() => new PinMessage(ChannelSpec.Message().Id, pinned, ChannelSpec.Other).Decide(ChannelSpec.Channel(), role, message ?? ChannelSpec.Message()));

    [Fact]
    public void A_member_pins_and_unpins()
    {
        When(true).Then(new MessagePinned(true));
        When(false, message: ChannelSpec.Message(pinned: true)).Then(new MessagePinned(false));
    }

    [Fact]
    public void Pinning_a_pinned_message_changes_nothing() => When(true, message: ChannelSpec.Message(pinned: true)).ThenNothing();

    [Fact]
    public void A_reader_may_not_pin_nor_anyone_a_deleted_message()
    {
        When(true, MemberRoles.Reader).ThenRefused(ErrorCodes.NotAllowed);
        When(true, message: ChannelSpec.Message(deleted: true)).ThenRefused(ErrorCodes.InvalidInput);
    }
}

public class ReactToMessageTests
{
    private static Decision<IMessageEvent> When(string? emoji, bool add, MessageView? message = null) =>
        ChannelSpec.When(() => new ReactToMessage(ChannelSpec.Message().Id, emoji, add, ChannelSpec.Other).Decide(message ?? ChannelSpec.Message()));

    [Fact]
    public void A_member_or_a_reader_reacts_and_takes_it_back()
    {
        When(" 👍 ", true).Then(new MessageReacted("👍", ChannelSpec.Other, true));
        When("👍", false, ChannelSpec.Message(reactions: new ReactionView("👍", [ChannelSpec.Other]))).Then(new MessageReacted("👍", ChannelSpec.Other, false));
    }

    [Fact]
    public void The_same_reaction_again_or_taking_back_one_never_given_changes_nothing()
    {
        When("👍", true, ChannelSpec.Message(reactions: new ReactionView("👍", [ChannelSpec.Other]))).ThenNothing();
        When("👍", false).ThenNothing();
    }

    [Theory]
    [InlineData("")]
    [InlineData("ok")]
    [InlineData("👍👍👍")]
    [InlineData("1")]
    public void Only_one_or_two_symbols_are_a_reaction(string emoji) => When(emoji, true).ThenRefused(ErrorCodes.InvalidInput, "Biểu tượng");

    [Fact]
    public void At_most_twenty_kinds_but_joining_one_is_always_possible()
    {
        var full = ChannelSpec.Message(reactions: [.. Enumerable.Range(0, ReactToMessage.MaxKinds).Select(i => new ReactionView(char.ConvertFromUtf32(0x1F600 + i), [ChannelSpec.Author]))]);
        When("👍", true, full).ThenRefused(ErrorCodes.InvalidInput, "tối đa");
        When(char.ConvertFromUtf32(0x1F600), true, full).Then(new MessageReacted(char.ConvertFromUtf32(0x1F600), ChannelSpec.Other, true));
    }

    [Fact]
    public void A_deleted_message_takes_no_reaction() => When("👍", true, ChannelSpec.Message(deleted: true)).ThenRefused(ErrorCodes.InvalidInput, "đã bị xóa");
}

public class AcknowledgeMessageTests
{
    private static Decision<IMessageEvent> When(Guid actor, MessageView message) =>
        ChannelSpec.When(() => new AcknowledgeMessage(message.Id, actor).Decide(message, ChannelSpec.At));

    [Fact]
    public void A_member_confirms_an_important_message() =>
        When(ChannelSpec.Other, ChannelSpec.Message(Priorities.Important)).Then(new MessageAcknowledged(ChannelSpec.Other, ChannelSpec.At));

    [Fact]
    public void An_ordinary_message_needs_no_confirmation() =>
        When(ChannelSpec.Other, ChannelSpec.Message()).ThenRefused(ErrorCodes.InvalidInput, "Tin nhắn thường");

    [Fact]
    public void The_sender_and_a_deleted_message_are_refused()
    {
        When(ChannelSpec.Author, ChannelSpec.Message(Priorities.Urgent)).ThenRefused(ErrorCodes.InvalidInput, "Người gửi");
        When(ChannelSpec.Other, ChannelSpec.Message(Priorities.Urgent, deleted: true)).ThenRefused(ErrorCodes.InvalidInput, "đã bị xóa");
    }
}

public class PostMessageTests
{
    private static PostMessage Post(string? body = "Xin chào", string? priority = null, Guid? id = null, int files = 0) =>
        new(ChannelSpec.Channel().Id, id ?? Guid.CreateVersion7(), body, null, priority, null, false, ChannelSpec.Author,
            [.. Enumerable.Range(0, files).Select(_ => Guid.CreateVersion7())]);

    [Fact]
    public void A_post_is_checked_for_its_id_text_priority_and_files_in_that_order()
    {
        Assert.Equal(("Xin chào", Priorities.Urgent), (Post("  Xin chào ", " urgent ").Check().Body, Post("  Xin chào ", " urgent ").Check().Priority));
        Decision.One(() => Post(body: "", id: Guid.Empty).Check()).ThenRefused(ErrorCodes.InvalidInput, "messageId");
        Decision.One(() => Post(body: " ", priority: "LOUD").Check()).ThenRefused(ErrorCodes.InvalidInput, "trống");
        Decision.One(() => Post(priority: "LOUD", files: 11).Check()).ThenRefused(ErrorCodes.InvalidInput, "NORMAL");
        Decision.One(() => Post(files: PostMessage.MaxAttachments + 1).Check()).ThenRefused(ErrorCodes.InvalidInput, "tối đa");
    }
}
