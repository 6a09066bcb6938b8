using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>A learner writes to the hosts (no `ToPersonId`: it is ignored from a learner); a host writes to one learner of the room.</summary>
internal sealed record SendPrivate(Guid MessageId, string? Text, Guid? ToPersonId, DateTimeOffset At) : IRoomAction
{
    public RoomReads Reads => new(Person: ToPersonId);

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        var body = ClassroomDecider.Text(Text, SendChat.Max, "Tin nhắn");
        Guid? to = null;
        if (me.IsHost)
        {
            if (ToPersonId is not Guid target || state.Person is not { Role: ClassroomRole.Learner })
                throw VapeException.InvalidInput("Hãy chọn một học viên trong lớp để nhắn riêng.");
            to = target;
        }
        return [new PrivateMessageSent(MessageId, me.PersonId, me.Name, to, body, At)];
    }
}
