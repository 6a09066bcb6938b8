using Vape.BuildingBlocks.Errors;

namespace Vape.Classes.Classroom;

/// <summary>A host shows page `Page` (from 1) of material `Material` (its index in the class's materials, from 0).</summary>
internal sealed record ShowPage(int Material, int Page, DateTimeOffset At) : IRoomAction
{
    public bool HostOnly => true;

    public IEnumerable<IClassroomEvent> Decide(Classroom room, Participant me, RoomState state)
    {
        if (Material < 0 || Material > 19 || Page is < 1 or > 10_000) throw VapeException.InvalidInput("Tài liệu hoặc số trang không hợp lệ.");
        return [new PageShown(Material, Page, me.PersonId, At)];
    }
}
