using System.Globalization;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>
/// The class-attendance dashboard through GraphQL (issue #21): sessions, attendances and minutes per month of a
/// subtree's classes, people figures hidden under 5 learners, for the unit's officials and those above only.
/// </summary>
[Collection(ClassesClockCollection.Name)]
public sealed class AttendanceByMonthTests(ClassesClockApp app) : ClassroomTestsBase<ClassesClockApp>(app)
{
    private const string Query = """
        query($u: ID!, $asOf: Date) { classAttendanceByMonth(unitId: $u, asOf: $asOf) {
          asOf unit { code } months { month sessions attendances people minutes hidden } } }
        """;

    private async Task<GraphQLResponse> ByMonth(string login, string unitCode, string? asOf = null) =>
        await App.GraphQL(Query, new { u = await Api.Org.UnitId(unitCode), asOf }, await Api.Org.Token(login));

    private async Task<JsonArray> Months(string login, string unitCode, string? asOf = null)
    {
        var response = await ByMonth(login, unitCode, asOf);
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["classAttendanceByMonth"]!["months"]!.AsArray();
    }

    private async Task EndSessionWith(string title, IReadOnlyList<string> learnerTokens, TimeSpan stay)
    {
        var c = await Api.Schedule(title);
        var session = c["sessions"]![0]!["id"]!.GetValue<string>();
        foreach (var token in learnerTokens) (await Api.Enrol(ClassesApi.Id(c), token)).HasErrors.ShouldBeFalse();
        var host = await Device("commune");
        await host.Join(session);
        foreach (var token in learnerTokens) await (await Connect(token)).Join(session);
        App.Clock.Advance(stay);
        await host.Do("End");
    }

    [Fact]
    public async Task Sessions_attendances_and_minutes_add_up_per_month_and_a_month_of_fewer_than_5_learners_shows_its_sessions_only()
    {
        var thisMonth = DateOnly.FromDateTime(App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var monthStart = new DateOnly(thisMonth.Year, thisMonth.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await EndSessionWith("Lớp hai người", [await Api.Org.Token("learner"), await Api.Org.Token("learner2")], TimeSpan.FromMinutes(30));
        var months = await Months("commune", "T01-X001");
        months.Count.ShouldBe(6);
        months.Last()!["month"]!.GetValue<string>().ShouldBe(monthStart);
        months.Last()!["sessions"]!.GetValue<int>().ShouldBe(1);
        months.Last()!["hidden"]!.GetValue<bool>().ShouldBeTrue();
        months.Last()!["attendances"].ShouldBeNull();
        months.Last()!["minutes"].ShouldBeNull();
        months.Take(5).ShouldAllBe(m => m!["sessions"]!.GetValue<int>() == 0 && m["attendances"]!.GetValue<int>() == 0 && !m["hidden"]!.GetValue<bool>());

        var five = (await Api.NewLearners(5)).Select(l => l.Token).ToList();
        await EndSessionWith("Lớp năm người", five, TimeSpan.FromMinutes(20));
        var now = (await Months("commune", "T01-X001")).Last()!;
        now["sessions"]!.GetValue<int>().ShouldBe(2);
        now["attendances"]!.GetValue<int>().ShouldBe(7);
        now["people"]!.GetValue<int>().ShouldBe(7);
        now["minutes"]!.GetValue<int>().ShouldBe(2 * 30 + 5 * 20);
        now["hidden"]!.GetValue<bool>().ShouldBeFalse();

        // Hà Nội's official sees Ba Đình's classes in the province's figures.
        (await Months("province", "T01")).Last()!["minutes"]!.GetValue<int>().ShouldBe(160);

        // As of the last day of the month before, this month's sessions are not there yet.
        var before = new DateOnly(thisMonth.Year, thisMonth.Month, 1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var earlier = await Months("commune", "T01-X001", before);
        earlier.ShouldAllBe(m => m!["sessions"]!.GetValue<int>() == 0);
        earlier.Last()!["month"]!.GetValue<string>().ShouldBe(before[..8] + "01");
    }

    [Theory]
    [InlineData("sibling-province", "T01")]
    [InlineData("commune", "T01")]
    [InlineData("learner", "T01-X001")]
    public async Task Someone_not_an_official_of_the_unit_or_above_is_refused(string login, string unitCode) =>
        (await ByMonth(login, unitCode)).FirstErrorCode.ShouldBe("NOT_ALLOWED");

    [Fact]
    public async Task A_date_after_today_is_refused()
    {
        var tomorrow = DateOnly.FromDateTime(App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await ByMonth("commune", "T01-X001", tomorrow);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        response.FirstErrorMessage!.ShouldContain("không được sau hôm nay");
    }
}
