using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Classes.Attendance;
using Vape.Organization.Contracts;

namespace Vape.Classes.GraphQL;

internal sealed class AttendanceMonthGraphType : ObjectGraphType<AttendanceMonth>
{
    public AttendanceMonthGraphType()
    {
        Name = "AttendanceMonth";
        Description = $"Một tháng: số buổi học đã kết thúc, lượt học viên tham dự, số người, số phút; các số về người bị ẩn khi có 1 đến {AttendanceByMonthStore.MinPeople - 1} người.";
        Field<NonNullGraphType<CalendarDateGraphType>>("month").Description("Ngày đầu tháng.").Resolve(c => c.Source.Month);
        Field(x => x.Sessions);
        Field(x => x.Attendances, nullable: true).Description("Lượt học viên tham dự (một người dự hai buổi là hai lượt).");
        Field(x => x.People, nullable: true).Description("Số học viên khác nhau.");
        Field(x => x.Minutes, nullable: true).Description("Tổng số phút học viên có mặt.");
        Field(x => x.Hidden);
    }
}

internal sealed class AttendanceByMonthGraphType : ObjectGraphType<AttendanceByMonth>
{
    public AttendanceByMonthGraphType()
    {
        Name = "ClassAttendanceByMonth";
        Description = "Điểm danh các lớp học của cả cây một đơn vị trong sáu tháng đến một ngày.";
        this.UnitField("unit", s => s.UnitId);
        Field<NonNullGraphType<CalendarDateGraphType>>("asOf").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendanceMonthGraphType>>>>("months").Description("Sáu tháng, cũ nhất trước.").Resolve(c => c.Source.Months);
    }
}

internal static class AttendanceByMonthFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.UnitChart<AttendanceByMonthGraphType, AttendanceByMonth>("classAttendanceByMonth", 50, // every attendance of the subtree's classes in six months (ADR 0162)
            "Biểu đồ điểm danh: các buổi học của lớp thuộc đơn vị hoặc cấp dưới kết thúc trong sáu tháng đến `asOf` (mặc định hôm nay), theo tháng. "
                + "Cán bộ tổ chức lớp học của đơn vị hoặc cấp trên.",
            async (c, unit) =>
            {
                var person = c.User.PersonId() ?? throw VapeException.NotAuthenticated();
                if (!await c.RequestServices!.GetRequiredService<IOrganizationQueries>().MayAsync(person, Permission.RunClasses, unit, c.CancellationToken))
                    throw VapeException.NotAllowed("Chỉ cán bộ của đơn vị (hoặc cấp trên) mới xem biểu đồ điểm danh của đơn vị đó.");
            },
            (c, unit, asOf) => c.RequestServices!.GetRequiredService<AttendanceByMonthStore>().ComputeAsync(unit, asOf, c.CancellationToken));
}
