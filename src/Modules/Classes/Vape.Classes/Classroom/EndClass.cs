namespace Vape.Classes.Classroom;

/// <summary>
/// A host ends the class: hands come down and polls close (<see cref="Classroom.Apply"/>). The adapter closes
/// attendance and sends completions to Records in the same transaction (<see cref="Attendance.CloseAttendance"/>).
/// </summary>
internal sealed record EndClass(DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state) => [new ClassroomEnded(me.PersonId, At)];
}
