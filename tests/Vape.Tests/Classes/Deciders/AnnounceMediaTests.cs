using Vape.BuildingBlocks.Errors;
using Vape.Classes.Classroom;
using static Vape.Tests.Classes.Deciders.ClassroomSpec;

namespace Vape.Tests.Classes.Deciders;

/// <summary>A client announces that Janus confirmed (or ended) its publishing (ADR 0194).</summary>
public class AnnounceMediaTests
{
    [Fact]
    public void A_host_publishing_under_their_grants_feed_is_announced() =>
        InRoom().Feeds(7).When(HostId, new AnnounceMedia(7, true, At)).Then(new MediaPublisher(HostId, 7, true, At));

    [Fact]
    public void A_feed_no_live_grant_of_theirs_gives_is_refused()
    {
        InRoom().When(LearnerId, new AnnounceMedia(7, true, At)).ThenRefused(ErrorCodes.NotAllowed);
        InRoom().Feeds(8).When(HostId, new AnnounceMedia(7, true, At)).ThenRefused(ErrorCodes.NotAllowed);
    }

    [Fact]
    public void A_feed_that_is_not_a_number_janus_uses_is_invalid()
    {
        InRoom().Feeds(7).When(HostId, new AnnounceMedia(0, true, At)).ThenRefused(ErrorCodes.InvalidInput);
        InRoom().Feeds(7).When(HostId, new AnnounceMedia(-3, false, At)).ThenRefused(ErrorCodes.InvalidInput);
    }

    [Fact]
    public void A_learner_called_on_announces_their_own_feed() =>
        InRoom().Feeds(9).When(LearnerId, new AnnounceMedia(9, true, At)).Then(new MediaPublisher(LearnerId, 9, true, At));

    [Fact]
    public void What_the_room_already_knows_changes_nothing()
    {
        InRoom(new MediaPublisher(HostId, 7, true, T0)).Feeds(7).When(HostId, new AnnounceMedia(7, true, At)).ThenNothing();
        InRoom().Feeds(7).When(HostId, new AnnounceMedia(7, false, At)).ThenNothing();
    }

    [Fact]
    public void Stopping_is_announced_without_a_grant_and_only_for_ones_own_feed()
    {
        InRoom(new MediaPublisher(HostId, 7, true, T0)).When(HostId, new AnnounceMedia(7, false, At)).Then(new MediaPublisher(HostId, 7, false, At));
        InRoom(new MediaPublisher(HostId, 7, true, T0)).When(LearnerId, new AnnounceMedia(7, false, At)).ThenNothing();
    }

    [Fact]
    public void Leaving_being_removed_and_the_end_take_the_persons_feeds_off_the_room()
    {
        Given(Opened, new MediaPublisher(HostId, 7, true, T0), new MediaPublisher(LearnerId, 9, true, T0), new ParticipantLeft(HostId, T0))
            .Room.Publishers.Select(p => p.Feed).ShouldBe([9]);
        Given(Opened, new MediaPublisher(LearnerId, 9, true, T0), new ParticipantRemoved(LearnerId, HostId, T0)).Room.Publishers.ShouldBeEmpty();
        Given(Opened, new MediaPublisher(HostId, 7, true, T0), new ClassroomEnded(HostId, T0)).Room.Publishers.ShouldBeEmpty();
    }

    [Fact]
    public void A_turn_ended_by_the_host_takes_every_feed_of_that_learner_off()
    {
        var room = Given(Opened, new MediaPublisher(HostId, 7, true, T0), new MediaPublisher(LearnerId, 9, true, T0)).Room;
        AnnounceMedia.Ended(room, LearnerId, At).ShouldBe([new MediaPublisher(LearnerId, 9, false, At)]);
        AnnounceMedia.Ended(room, OtherId, At).ShouldBeEmpty();
    }
}
