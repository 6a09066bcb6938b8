using Vape.BuildingBlocks.Errors;
using Vape.Classes.Classroom;
using static Vape.Tests.Classes.Deciders.ClassroomSpec;

namespace Vape.Tests.Classes.Deciders;

/// <summary>The rule every action shares (<see cref="ClassroomDecider.Acting"/>), each refusal in its order.</summary>
public class ActingTests
{
    [Fact]
    public void Before_the_room_opens_nothing_is_done() =>
        Given().With(Learner(LearnerId)).When(LearnerId, new RaiseHand(At)).ThenRefused(ClassroomErrors.NotOpen);

    [Fact]
    public void After_the_class_ended_nothing_is_done() =>
        InRoom(new ClassroomEnded(HostId, T0)).When(LearnerId, new RaiseHand(At)).ThenRefused(ClassroomErrors.Ended);

    [Fact]
    public void A_removed_learner_is_refused_as_removed_not_as_absent() =>
        InRoom().With(Learner(LearnerId, removed: true, present: false))
            .When(LearnerId, new RaiseHand(At)).ThenRefused(ClassroomErrors.Removed);

    [Fact]
    public void Someone_who_left_or_never_came_is_not_in_the_room()
    {
        InRoom().With(Learner(LearnerId, present: false)).When(LearnerId, new RaiseHand(At)).ThenRefused(ClassroomErrors.NotInRoom);
        InRoom().When(Guid.CreateVersion7(), new RaiseHand(At)).ThenRefused(ClassroomErrors.NotInRoom);
    }

    [Fact]
    public void The_hosts_actions_refuse_a_learner_and_accept_a_co_host()
    {
        InRoom().When(LearnerId, new LockRoom(true, At)).ThenRefused(ErrorCodes.NotAllowed);
        var coHost = Guid.CreateVersion7();
        InRoom().With(ClassroomSpec.Host(coHost, role: ClassroomRole.CoHost)).When(coHost, new LockRoom(true, At)).Then(new RoomLocked(true, coHost, At));
    }
}

public class RaiseHandTests
{
    [Fact]
    public void A_learner_raises_their_hand() => InRoom().When(LearnerId, new RaiseHand(At)).Then(new HandRaised(LearnerId, At));

    [Fact]
    public void A_hand_already_up_changes_nothing() => InRoom(new HandRaised(LearnerId, T0)).When(LearnerId, new RaiseHand(At)).ThenNothing();

    [Fact]
    public void A_hand_lowered_can_go_up_again() =>
        InRoom(new HandRaised(LearnerId, T0), new HandLowered(LearnerId, "LOWERED", LearnerId, T0)).When(LearnerId, new RaiseHand(At)).Then(new HandRaised(LearnerId, At));
}

public class LowerHandTests
{
    [Fact]
    public void A_learner_lowers_their_own_hand() =>
        InRoom(new HandRaised(LearnerId, T0)).When(LearnerId, new LowerHand(null, At)).Then(new HandLowered(LearnerId, "LOWERED", LearnerId, At));

    [Fact]
    public void A_host_lowers_anyones_hand() =>
        InRoom(new HandRaised(LearnerId, T0)).When(HostId, new LowerHand(LearnerId, At)).Then(new HandLowered(LearnerId, "LOWERED", HostId, At));

    [Fact]
    public void A_learner_may_not_lower_someone_elses_hand() =>
        InRoom(new HandRaised(OtherId, T0)).When(LearnerId, new LowerHand(OtherId, At)).ThenRefused(ErrorCodes.NotAllowed);

    [Fact]
    public void A_hand_already_down_changes_nothing() => InRoom().When(LearnerId, new LowerHand(LearnerId, At)).ThenNothing();
}

public class CallOnTests
{
    [Fact]
    public void A_host_gives_the_floor_to_a_raised_hand() =>
        InRoom(new HandRaised(LearnerId, T0)).When(HostId, new CallOn(LearnerId, At)).Then(new HandLowered(LearnerId, "CALLED_ON", HostId, At));

    [Fact]
    public void Only_a_raised_hand_is_called_on() => InRoom().When(HostId, new CallOn(LearnerId, At)).ThenRefused(ErrorCodes.InvalidInput);

    [Fact]
    public void A_learner_does_not_call_on_anyone() =>
        InRoom(new HandRaised(OtherId, T0)).When(LearnerId, new CallOn(OtherId, At)).ThenRefused(ErrorCodes.NotAllowed);

    [Fact]
    public void A_host_gives_the_floor_with_the_picture() =>
        InRoom(new HandRaised(LearnerId, T0)).When(HostId, new CallOn(LearnerId, At, Picture: true))
            .Then(new HandLowered(LearnerId, "CALLED_ON", HostId, At), new PictureAllowed(LearnerId, true, HostId, At));

    [Fact]
    public void A_learner_does_not_give_the_floor_with_the_picture() =>
        InRoom(new HandRaised(OtherId, T0)).When(LearnerId, new CallOn(OtherId, At, Picture: true)).ThenRefused(ErrorCodes.NotAllowed);
}

public class AllowPictureTests
{
    [Fact]
    public void A_host_allows_the_speaking_learners_picture() =>
        InRoom().When(HostId, new AllowPicture(LearnerId, true, Speaking: true, At)).Then(new PictureAllowed(LearnerId, true, HostId, At));

    [Fact]
    public void A_host_withdraws_the_picture_and_the_voice_goes_on() =>
        InRoom(new PictureAllowed(LearnerId, true, HostId, T0)).When(HostId, new AllowPicture(LearnerId, false, Speaking: true, At))
            .Then(new PictureAllowed(LearnerId, false, HostId, At));

    [Fact]
    public void Only_a_speaking_learners_picture_is_allowed() =>
        InRoom().When(HostId, new AllowPicture(LearnerId, true, Speaking: false, At)).ThenRefused(ErrorCodes.InvalidInput);

    [Fact]
    public void A_learner_does_not_allow_their_own_picture() =>
        InRoom().When(LearnerId, new AllowPicture(LearnerId, true, Speaking: true, At)).ThenRefused(ErrorCodes.NotAllowed);
}

public class SendChatTests
{
    private static readonly Guid Message = Guid.CreateVersion7();

    [Fact]
    public void A_line_goes_out_under_the_name_the_room_knows() =>
        InRoom().When(OtherId, new SendChat(Message, "Chào cả lớp", At)).Then(new ChatPosted(Message, OtherId, "Bình", "Chào cả lớp", At));

    [Fact]
    public void A_muted_learner_is_refused() =>
        InRoom().With(Learner(LearnerId, muted: true)).When(LearnerId, new SendChat(Message, "xin chào", At)).ThenRefused(ClassroomErrors.Muted);

    [Fact]
    public void When_everyone_is_muted_learners_are_refused_and_hosts_are_not()
    {
        var muted = InRoom(new ChatMuted(null, true, HostId, T0));
        muted.When(LearnerId, new SendChat(Message, "xin chào", At)).ThenRefused(ClassroomErrors.Muted);
        muted.When(HostId, new SendChat(Message, "Các em chú ý", At)).Then(new ChatPosted(Message, HostId, "Cô Lan", "Các em chú ý", At));
    }

    [Fact]
    public void Unmuting_everyone_lets_learners_write_again() =>
        InRoom(new ChatMuted(null, true, HostId, T0), new ChatMuted(null, false, HostId, T0))
            .When(LearnerId, new SendChat(Message, "a", At)).Then(new ChatPosted(Message, LearnerId, "An", "a", At));

    [Fact]
    public void The_same_id_again_from_the_sender_is_a_retry_and_changes_nothing_even_muted()
    {
        InRoom().When(LearnerId, new SendChat(Message, "Chào", At)).Then(new ChatPosted(Message, LearnerId, "An", "Chào", At));
        InRoom().Written(7, LearnerId).When(LearnerId, new SendChat(Message, "Chào", At)).ThenNothing();
        InRoom().With(Learner(LearnerId, muted: true)).Written(7, LearnerId).When(LearnerId, new SendChat(Message, "Chào", At)).ThenNothing();
    }

    [Fact]
    public void Someone_elses_id_is_refused() =>
        InRoom().Written(7, OtherId).When(LearnerId, new SendChat(Message, "Chào", At)).ThenRefused(ErrorCodes.InvalidInput);

    [Fact]
    public void A_retry_after_removal_is_refused_as_any_action() =>
        InRoom().With(Learner(LearnerId, removed: true, present: false)).Written(7, LearnerId)
            .When(LearnerId, new SendChat(Message, "Chào", At)).ThenRefused(ClassroomErrors.Removed);

    [Fact]
    public void The_empty_id_is_invalid() =>
        Assert.Equal(ErrorCodes.InvalidInput, Assert.Throws<VapeException>(() => SendChat.Of(Guid.Empty, "Chào", At)).Code);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void An_empty_line_is_invalid(string? text) =>
        Assert.Equal(ErrorCodes.InvalidInput, Assert.Throws<VapeException>(() => SendChat.Of(Message, text, At)).Code);

    [Fact]
    public void A_line_is_at_most_2000_characters_as_written_in_NFC()
    {
        Assert.Equal(ErrorCodes.InvalidInput, Assert.Throws<VapeException>(() => SendChat.Of(Message, new string('a', 2001), At)).Code);
        Assert.Equal("Việt", SendChat.Of(Message, " Vie\u0302\u0323t ", At).Text);
    }
}

public class SendReactionTests
{
    [Fact]
    public void A_reaction_goes_to_the_room() => InRoom().When(LearnerId, SendReaction.Of("👏", At)).Then(new ReactionSent(LearnerId, "👏", At));

    [Fact]
    public void A_muted_learner_may_still_react() =>
        InRoom().With(Learner(LearnerId, muted: true)).When(LearnerId, SendReaction.Of("👍", At)).Then(new ReactionSent(LearnerId, "👍", At));

    [Theory]
    [InlineData("x")]
    [InlineData(null)]
    public void Only_the_rooms_reactions(string? reaction) =>
        Assert.Equal(ErrorCodes.InvalidInput, Assert.Throws<VapeException>(() => SendReaction.Of(reaction, At)).Code);
}

public class SendPrivateTests
{
    private static readonly Guid Message = Guid.CreateVersion7();

    [Fact]
    public void A_learner_writes_to_the_hosts_whoever_they_name() =>
        InRoom().When(LearnerId, new SendPrivate(Message, "Em xin phép", OtherId, At)).Then(new PrivateMessageSent(Message, LearnerId, "An", null, "Em xin phép", At));

    [Fact]
    public void A_host_writes_to_one_learner() =>
        InRoom().When(HostId, new SendPrivate(Message, "Em ở lại nhé", LearnerId, At)).Then(new PrivateMessageSent(Message, HostId, "Cô Lan", LearnerId, "Em ở lại nhé", At));

    [Fact]
    public void A_host_must_name_a_learner_of_the_room()
    {
        InRoom().When(HostId, new SendPrivate(Message, "a", null, At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom().When(HostId, new SendPrivate(Message, "a", Guid.CreateVersion7(), At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom().When(HostId, new SendPrivate(Message, "a", HostId, At)).ThenRefused(ErrorCodes.InvalidInput);
    }

    [Fact]
    public void An_empty_message_is_invalid() => InRoom().When(LearnerId, new SendPrivate(Message, " ", null, At)).ThenRefused(ErrorCodes.InvalidInput);
}

public class AskQuestionTests
{
    private static readonly Guid Id = Guid.CreateVersion7();

    [Fact]
    public void A_learner_asks() => InRoom().When(LearnerId, new AskQuestion(Id, " Tại sao? ", At)).Then(new QuestionAsked(Id, LearnerId, "An", "Tại sao?", At));

    [Fact]
    public void The_same_id_again_from_the_asker_is_a_retry_and_changes_nothing()
    {
        var asked = new QuestionAsked(Id, LearnerId, "An", "Tại sao?", T0);
        InRoom(asked).When(LearnerId, new AskQuestion(Id, "Tại sao?", At)).ThenNothing();
        InRoom(asked, new QuestionClosed(Id, "ANSWERED", HostId, T0)).When(LearnerId, new AskQuestion(Id, "Tại sao?", At)).ThenNothing();
        InRoom(asked).When(OtherId, new AskQuestion(Id, "Tại sao?", At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom().When(LearnerId, new AskQuestion(Guid.Empty, "Tại sao?", At)).ThenRefused(ErrorCodes.InvalidInput);
    }

    [Fact]
    public void A_question_has_1_to_500_characters()
    {
        InRoom().When(LearnerId, new AskQuestion(Id, "", At)).ThenRefused(ErrorCodes.InvalidInput, "Câu hỏi");
        InRoom().When(LearnerId, new AskQuestion(Id, new string('a', 501), At)).ThenRefused(ErrorCodes.InvalidInput, "500");
    }
}

public class QuestionTests
{
    private static readonly Guid Q = Guid.CreateVersion7();
    private static readonly QuestionAsked Asked = new(Q, LearnerId, "An", "Tại sao?", T0);

    [Fact]
    public void Someone_else_upvotes_a_question() =>
        InRoom(Asked, new QuestionUpvoted(Q, HostId, 1, T0)).When(OtherId, new UpvoteQuestion(Q, At)).Then(new QuestionUpvoted(Q, OtherId, 2, At));

    [Fact]
    public void Nobody_upvotes_their_own_question() => InRoom(Asked).When(LearnerId, new UpvoteQuestion(Q, At)).ThenRefused(ErrorCodes.InvalidInput);

    [Fact]
    public void An_upvote_counts_once() => InRoom(Asked).AlreadyVoted().When(OtherId, new UpvoteQuestion(Q, At)).ThenRefused(ClassroomErrors.AlreadyVoted);

    [Fact]
    public void An_unknown_question_is_not_found() => InRoom().When(OtherId, new UpvoteQuestion(Q, At)).ThenRefused(ErrorCodes.NotFound);

    [Fact]
    public void A_host_answers_or_dismisses_an_open_question()
    {
        InRoom(Asked).When(HostId, new AnswerQuestion(Q, At)).Then(new QuestionClosed(Q, "ANSWERED", HostId, At));
        InRoom(Asked).When(HostId, new DismissQuestion(Q, At)).Then(new QuestionClosed(Q, "DISMISSED", HostId, At));
    }

    [Fact]
    public void A_closed_question_is_closed_for_good()
    {
        var answered = InRoom(Asked, new QuestionClosed(Q, "ANSWERED", HostId, T0));
        answered.When(HostId, new DismissQuestion(Q, At)).ThenRefused(ErrorCodes.InvalidInput);
        answered.When(OtherId, new UpvoteQuestion(Q, At)).ThenRefused(ErrorCodes.InvalidInput);
        answered.When(HostId, new ForwardQuestion(Q, At)).ThenRefused(ErrorCodes.InvalidInput);
    }

    [Fact]
    public void Learners_do_not_answer_dismiss_or_forward()
    {
        InRoom(Asked).When(OtherId, new AnswerQuestion(Q, At)).ThenRefused(ErrorCodes.NotAllowed);
        InRoom(Asked).When(OtherId, new DismissQuestion(Q, At)).ThenRefused(ErrorCodes.NotAllowed);
        InRoom(Asked).When(OtherId, new ForwardQuestion(Q, At)).ThenRefused(ErrorCodes.NotAllowed);
    }

    [Fact]
    public void A_relay_rooms_host_forwards_a_question_to_the_parent_room()
    {
        var relay = InRoom(Asked);
        relay.When(HostId, new ForwardQuestion(Q, At)).Then(new QuestionClosed(Q, "FORWARDED", HostId, At));
        var parentSession = Guid.CreateVersion7();
        var parent = Given(new ClassroomOpened(parentSession, ClassId, HostId, T0)).Room;
        var id = Guid.CreateVersion7();
        Assert.Equal([new QuestionAsked(id, LearnerId, "An", "Tại sao?", At, Session, "Phường Bến Nghé")],
            ForwardQuestion.Receive(parent, relay.Room.Questions[Q], Session, "Phường Bến Nghé", id, At).ToArray());
        parent.Apply(new ClassroomEnded(HostId, T0));
        Assert.Empty(ForwardQuestion.Receive(parent, relay.Room.Questions[Q], Session, "Phường Bến Nghé", id, At));
    }

    [Fact]
    public void A_question_escalated_before_the_relay_name_had_its_own_field_takes_it_from_the_relay_room()
    {
        var parent = Given(new ClassroomOpened(Session, ClassId, HostId, T0)).Room;
        var relaySession = Guid.CreateVersion7();
        parent.Apply(new RelayHeadcountChanged(relaySession, "Phường Bến Nghé", 3, T0));
        parent.Apply(new QuestionAsked(Q, LearnerId, "An (Phường Bến Nghé)", "Tại sao?", T0, relaySession));
        Assert.Equal((relaySession, "Phường Bến Nghé"), (parent.Questions[Q].RelaySessionId, parent.Questions[Q].RelayName));
        var here = Guid.CreateVersion7();
        parent.Apply(new QuestionAsked(here, LearnerId, "An", "Vì sao?", T0));
        Assert.Equal((null, null), (parent.Questions[here].RelaySessionId, parent.Questions[here].RelayName));
    }
}

public class PollTests
{
    private static readonly Guid P = Guid.CreateVersion7();
    private static readonly PollOpened One = new(P, "Chọn một", ["A", "B", "C"], false, HostId, T0);
    private static readonly PollOpened Several = new(P, "Chọn nhiều", ["A", "B", "C"], true, HostId, T0);

    [Fact]
    public void A_host_opens_a_poll() =>
        InRoom().When(HostId, new OpenPoll(P, " Hôm nay? ", [" Có", "Không "], false, At)).Then(new PollOpened(P, "Hôm nay?", ["Có", "Không"], false, HostId, At));

    [Fact]
    public void A_poll_has_2_to_10_non_empty_options()
    {
        InRoom().When(HostId, new OpenPoll(P, "Q", ["Chỉ một"], false, At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom().When(HostId, new OpenPoll(P, "Q", null, false, At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom().When(HostId, new OpenPoll(P, "Q", [.. Enumerable.Range(0, 11).Select(i => $"{i}")], false, At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom().When(HostId, new OpenPoll(P, "Q", ["A", " "], false, At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom().When(HostId, new OpenPoll(P, "", ["A", "B"], false, At)).ThenRefused(ErrorCodes.InvalidInput);
    }

    [Fact]
    public void A_learner_does_not_open_or_close_polls()
    {
        InRoom().When(LearnerId, new OpenPoll(P, "Q", ["A", "B"], false, At)).ThenRefused(ErrorCodes.NotAllowed);
        InRoom(One).When(LearnerId, new ClosePoll(P, At)).ThenRefused(ErrorCodes.NotAllowed);
    }

    [Fact]
    public void A_vote_counts_once_and_adds_to_the_counts()
    {
        InRoom(One, new PollVoted(P, OtherId, [1], [0, 1, 0], T0)).When(LearnerId, new Vote(P, [1], At)).Then(new PollVoted(P, LearnerId, [1], [0, 2, 0], At));
        InRoom(One).AlreadyVoted().When(LearnerId, new Vote(P, [1], At)).ThenRefused(ClassroomErrors.AlreadyVoted);
    }

    [Fact]
    public void Choices_are_options_of_the_poll_each_once_one_unless_several()
    {
        InRoom(One).When(LearnerId, new Vote(P, [0, 1], At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom(One).When(LearnerId, new Vote(P, [3], At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom(One).When(LearnerId, new Vote(P, [-1], At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom(One).When(LearnerId, new Vote(P, [], At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom(One).When(LearnerId, new Vote(P, null, At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom(Several).When(LearnerId, new Vote(P, [0, 0], At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom(Several).When(LearnerId, new Vote(P, [2, 0], At)).Then(new PollVoted(P, LearnerId, [2, 0], [1, 0, 1], At));
    }

    [Fact]
    public void A_host_closes_a_poll_with_its_counts_and_it_stays_closed()
    {
        InRoom(One, new PollVoted(P, OtherId, [2], [0, 0, 1], T0)).When(HostId, new ClosePoll(P, At)).Then(new PollClosed(P, [0, 0, 1], HostId, At));
        var closed = InRoom(One, new PollClosed(P, [0, 0, 0], HostId, T0));
        closed.When(HostId, new ClosePoll(P, At)).ThenRefused(ClassroomErrors.PollClosed);
        closed.When(LearnerId, new Vote(P, [0], At)).ThenRefused(ClassroomErrors.PollClosed);
    }

    [Fact]
    public void An_unknown_poll_is_not_found()
    {
        InRoom().When(HostId, new ClosePoll(P, At)).ThenRefused(ErrorCodes.NotFound);
        InRoom().When(LearnerId, new Vote(P, [0], At)).ThenRefused(ErrorCodes.NotFound);
    }

    [Fact]
    public void Ending_the_class_closes_its_polls() =>
        Assert.False(InRoom(One, new ClassroomEnded(HostId, T0)).Room.Polls[P].Open);
}

public class MuteChatTests
{
    [Fact]
    public void A_host_mutes_and_unmutes_one_learner()
    {
        InRoom().When(HostId, new MuteChat(LearnerId, true, At)).Then(new ChatMuted(LearnerId, true, HostId, At));
        InRoom().With(Learner(LearnerId, muted: true)).When(HostId, new MuteChat(LearnerId, false, At)).Then(new ChatMuted(LearnerId, false, HostId, At));
    }

    [Fact]
    public void What_is_already_so_changes_nothing()
    {
        InRoom().With(Learner(LearnerId, muted: true)).When(HostId, new MuteChat(LearnerId, true, At)).ThenNothing();
        InRoom().When(HostId, new MuteChat(null, false, At)).ThenNothing();
        InRoom(new ChatMuted(null, true, HostId, T0)).When(HostId, new MuteChat(null, true, At)).ThenNothing();
    }

    [Fact]
    public void A_host_mutes_everyone() => InRoom().When(HostId, new MuteChat(null, true, At)).Then(new ChatMuted(null, true, HostId, At));

    [Fact]
    public void Only_a_learner_of_the_room_is_muted()
    {
        var coHost = Guid.CreateVersion7();
        InRoom().With(ClassroomSpec.Host(coHost, role: ClassroomRole.CoHost)).When(HostId, new MuteChat(coHost, true, At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom().When(HostId, new MuteChat(Guid.CreateVersion7(), true, At)).ThenRefused(ErrorCodes.InvalidInput);
    }

    [Fact]
    public void A_learner_mutes_nobody() => InRoom().When(LearnerId, new MuteChat(OtherId, true, At)).ThenRefused(ErrorCodes.NotAllowed);
}

public class RemoveAndAllowBackTests
{
    [Fact]
    public void A_host_removes_a_learner_once()
    {
        InRoom().When(HostId, new RemoveLearner(LearnerId, At)).Then(new ParticipantRemoved(LearnerId, HostId, At));
        InRoom().With(Learner(LearnerId, removed: true)).When(HostId, new RemoveLearner(LearnerId, At)).ThenNothing();
    }

    [Fact]
    public void A_host_is_not_removed() => InRoom().When(HostId, new RemoveLearner(HostId, At)).ThenRefused(ErrorCodes.InvalidInput);

    [Fact]
    public void A_removed_learners_hand_comes_down() =>
        Assert.Empty(InRoom(new HandRaised(LearnerId, T0), new ParticipantRemoved(LearnerId, HostId, T0)).Room.Hands);

    [Fact]
    public void A_host_allows_a_removed_learner_back()
    {
        InRoom().With(Learner(LearnerId, removed: true)).When(HostId, new AllowBack(LearnerId, At)).Then(new RemovalLifted(LearnerId, HostId, At));
        InRoom().When(HostId, new AllowBack(LearnerId, At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom().When(HostId, new AllowBack(Guid.CreateVersion7(), At)).ThenRefused(ErrorCodes.InvalidInput);
    }

    [Fact]
    public void A_learner_removes_nobody_and_allows_nobody_back()
    {
        InRoom().When(LearnerId, new RemoveLearner(OtherId, At)).ThenRefused(ErrorCodes.NotAllowed);
        InRoom().With(Learner(OtherId, removed: true)).When(LearnerId, new AllowBack(OtherId, At)).ThenRefused(ErrorCodes.NotAllowed);
    }
}

public class LockAndLobbyTests
{
    private static readonly Guid Waiter = Guid.CreateVersion7();

    [Fact]
    public void A_host_locks_and_unlocks_the_room()
    {
        InRoom().When(HostId, new LockRoom(true, At)).Then(new RoomLocked(true, HostId, At));
        InRoom(new RoomLocked(true, HostId, T0)).When(HostId, new LockRoom(true, At)).ThenNothing();
        InRoom(new RoomLocked(true, HostId, T0)).When(HostId, new LockRoom(false, At)).Then(new RoomLocked(false, HostId, At));
    }

    [Fact]
    public void A_host_admits_a_learner_waiting_in_the_lobby()
    {
        var waiting = new Participant { PersonId = Waiter, Name = "Chi", Role = ClassroomRole.Learner, InLobby = true };
        InRoom().With(waiting).When(HostId, new AdmitLearner(Waiter, At)).Then(new LearnersAdmitted([Waiter], HostId, At));
        InRoom().When(HostId, new AdmitLearner(Waiter, At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom().When(HostId, new AdmitLearner(LearnerId, At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom().With(waiting).When(LearnerId, new AdmitLearner(Waiter, At)).ThenRefused(ErrorCodes.NotAllowed);
    }

    [Fact]
    public void A_host_admits_everyone_waiting_first_come_first()
    {
        var second = Guid.CreateVersion7();
        InRoom().Waiting(Waiter, second).When(HostId, new AdmitAll(At)).Then(new LearnersAdmitted([Waiter, second], HostId, At));
        InRoom().When(HostId, new AdmitAll(At)).ThenNothing();
        InRoom().Waiting(Waiter).When(LearnerId, new AdmitAll(At)).ThenRefused(ErrorCodes.NotAllowed);
    }
}

public class ShowPageAndEndTests
{
    [Fact]
    public void A_host_shows_a_page_of_a_material()
    {
        InRoom().When(HostId, new ShowPage(2, 14, At)).Then(new PageShown(2, 14, HostId, At));
        var room = InRoom(new PageShown(2, 14, HostId, T0)).Room;
        Assert.Equal((2, 14), (room.Material, room.Page));
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(20, 1)]
    [InlineData(0, 0)]
    [InlineData(0, 10_001)]
    public void Materials_0_to_19_pages_1_to_10000(int material, int page) =>
        InRoom().When(HostId, new ShowPage(material, page, At)).ThenRefused(ErrorCodes.InvalidInput);

    [Fact]
    public void A_learner_turns_no_page() => InRoom().When(LearnerId, new ShowPage(0, 2, At)).ThenRefused(ErrorCodes.NotAllowed);

    [Fact]
    public void A_host_ends_the_class_once_and_hands_come_down()
    {
        InRoom(new HandRaised(LearnerId, T0)).When(HostId, new EndClass(At)).Then(new ClassroomEnded(HostId, At));
        Assert.Empty(InRoom(new HandRaised(LearnerId, T0), new ClassroomEnded(HostId, T0)).Room.Hands);
        InRoom(new ClassroomEnded(HostId, T0)).When(HostId, new EndClass(At)).ThenRefused(ClassroomErrors.Ended);
        InRoom().When(LearnerId, new EndClass(At)).ThenRefused(ErrorCodes.NotAllowed);
    }
}

public class JoinRoomTests
{
    private static JoinRoom Join(Guid person, ClassroomRole role, bool lobby = false) =>
        new(Session, ClassId, person, role, role == ClassroomRole.Learner ? "An" : "Cô Lan", lobby, At);

    [Fact]
    public void A_hosts_first_join_opens_the_room_and_brings_them_in() =>
        Given().WhenJoining(Join(HostId, ClassroomRole.Host))
            .Then(new ClassroomOpened(Session, ClassId, HostId, At), new ParticipantJoined(HostId, ClassroomRole.Host, "Cô Lan", At));

    [Fact]
    public void A_learner_cannot_open_the_room() =>
        Given().WhenJoining(Join(LearnerId, ClassroomRole.Learner)).ThenRefused(ClassroomErrors.NotOpen);

    [Fact]
    public void A_learner_comes_in_once_however_many_devices()
    {
        Given(Opened).WhenJoining(Join(LearnerId, ClassroomRole.Learner)).Then(new ParticipantJoined(LearnerId, ClassroomRole.Learner, "An", At));
        Given(Opened).With(Learner(LearnerId)).WhenJoining(Join(LearnerId, ClassroomRole.Learner)).ThenNothing();
    }

    [Fact]
    public void Nobody_joins_an_ended_class_and_a_removed_learner_stays_out()
    {
        Given(Opened, new ClassroomEnded(HostId, T0)).WhenJoining(Join(LearnerId, ClassroomRole.Learner)).ThenRefused(ClassroomErrors.Ended);
        Given(Opened).With(Learner(LearnerId, removed: true, present: false))
            .WhenJoining(Join(LearnerId, ClassroomRole.Learner)).ThenRefused(ClassroomErrors.Removed);
    }

    [Fact]
    public void A_locked_room_keeps_new_learners_out_but_not_those_admitted_or_hosts()
    {
        var locked = Given(Opened, new RoomLocked(true, HostId, T0));
        locked.WhenJoining(Join(LearnerId, ClassroomRole.Learner)).ThenRefused(ClassroomErrors.Locked);
        locked.WhenJoining(Join(HostId, ClassroomRole.Host)).Then(new ParticipantJoined(HostId, ClassroomRole.Host, "Cô Lan", At));
        Given(Opened, new RoomLocked(true, HostId, T0)).With(Learner(LearnerId, present: false))
            .WhenJoining(Join(LearnerId, ClassroomRole.Learner)).Then(new ParticipantJoined(LearnerId, ClassroomRole.Learner, "An", At));
    }

    [Fact]
    public void In_a_class_with_a_lobby_a_new_learner_waits_once_and_a_host_comes_in()
    {
        Given(Opened).WhenJoining(Join(LearnerId, ClassroomRole.Learner, lobby: true)).Then(new LearnerWaiting(LearnerId, "An", At), new Lobby());
        Given(Opened).With(new Participant { PersonId = LearnerId, Name = "An", Role = ClassroomRole.Learner, InLobby = true })
            .WhenJoining(Join(LearnerId, ClassroomRole.Learner, lobby: true)).Then(new Lobby());
        Given(Opened).WhenJoining(Join(HostId, ClassroomRole.Host, lobby: true)).Then(new ParticipantJoined(HostId, ClassroomRole.Host, "Cô Lan", At));
    }
}
