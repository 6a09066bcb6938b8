using Microsoft.Extensions.Options;
using Vape.BuildingBlocks.Errors;
using Vape.Classes.Catalogue;

namespace Vape.Classes.Classroom;

/// <summary>
/// A session's room opens from a lead time before its start (`Vape:Classes:RoomOpensMinutesBefore`, 30 by
/// default), never days ahead: before that the host hears TOO_EARLY with the time it opens.
/// </summary>
public sealed class ClassroomOpening(IOptions<ClassroomOptions> options)
{
    public const string TooEarly = "TOO_EARLY";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public TimeSpan Lead { get; } = TimeSpan.FromMinutes(options.Value.RoomOpensMinutesBefore);

    public void DemandOpenable(ClassSession session, DateTimeOffset now)
    {
        var opens = session.StartsAt - Lead;
        if (now < opens)
            throw new VapeException(TooEarly,
                $"Phòng học chỉ mở từ {Lead.TotalMinutes:0} phút trước giờ học, tức từ {opens.ToOffset(Vietnam):HH:mm 'ngày' dd/MM/yyyy} (giờ Việt Nam); hãy quay lại lúc đó.");
    }
}
