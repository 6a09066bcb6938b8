using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Classes;

/// <summary>
/// The personal iCalendar feed of my classes (issue #22, docs/adr/0158): created, replaced and revoked through GraphQL,
/// read without sign-in at `/calendar/{token}.ics`, checked here by a strict RFC 5545 reader of its own.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class CalendarFeedTests(VapeApp app) : IAsyncLifetime
{
    private readonly ClassesApi _api = new(app);

    // Between them, everything TEXT must escape (comma, semicolon, backslash, newline); the title long enough to be folded.
    private const string Title = "Tin học, ngữ văn; kỹ năng số \\ cho người cao tuổi ở Phường Ba Đình – khóa mùa đông năm nay";
    private const string Description = "Mang theo điện thoại; sạc đầy pin, nhé.\nHọc ở nhà văn hóa phường.";

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string FeedQuery = "query { calendarFeed { createdAt url } }";

    private async Task<string> CreateFeed(string login)
    {
        var response = await app.GraphQL("mutation { createCalendarFeed(input: { confirm: true }) { createdAt url } }", null, await _api.Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        var url = response.Data["createCalendarFeed"]!["url"]!.GetValue<string>();
        url.ShouldMatch("^/calendar/[A-Za-z0-9_-]{43}\\.ics$");
        return url;
    }

    private async Task<HttpResponseMessage> Get(string path, string? etag = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (etag is not null) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        return await app.Host.Server.CreateClient().SendAsync(request);
    }

    private async Task<ICalendar> Feed(string path)
    {
        var response = await Get(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        response.Headers.CacheControl!.Private.ShouldBeTrue();
        return ICalendar.Parse(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<(string ClassId, string SessionId)> EnrolledClass(string login = "learner")
    {
        var scheduled = await _api.Schedule(Title, extra: new { description = Description });
        var id = ClassesApi.Id(scheduled);
        (await _api.Enrol(id, await _api.Org.Token(login))).HasErrors.ShouldBeFalse();
        return (id, scheduled["sessions"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_feed_holds_my_enrolled_class_in_strict_RFC_5545_and_not_the_others()
    {
        var (classId, sessionId) = await EnrolledClass();
        await _api.Schedule("Lớp tôi không học");
        var path = await CreateFeed("learner");

        var calendar = await Feed(path);
        calendar.Properties["VERSION"].ShouldBe("2.0");
        calendar.Properties.ShouldContainKey("PRODID");
        calendar.Raw.ShouldContain("X-WR-TIMEZONE:Asia/Ho_Chi_Minh\r\n");
        calendar.Folded.ShouldBeTrue("the long Vietnamese title is folded at 75 octets");
        var e = calendar.Events.ShouldHaveSingleItem();
        e["UID"].ShouldBe($"{sessionId}@vape.khuyenhoc.vn");
        ICalendar.Unescape(e["SUMMARY"]).ShouldBe(Title);
        e.Raw["SUMMARY"].ShouldContain(@"Tin học\, ngữ văn\; kỹ năng số \\ cho người cao tuổi ở");
        e.Raw["DESCRIPTION"].ShouldBe(@"Mang theo điện thoại\; sạc đầy pin\, nhé.\nHọc ở nhà văn hóa phường.");
        ICalendar.Unescape(e["DESCRIPTION"]).ShouldBe(Description);
        ICalendar.Unescape(e["LOCATION"]).ShouldNotBeEmpty();
        e["STATUS"].ShouldBe("CONFIRMED");
        var session = (await _api.Class(classId, null))!["sessions"]![0]!;
        ICalendar.Time(e["DTSTART"]).ShouldBe(Seconds(session["startsAt"]!));
        ICalendar.Time(e["DTEND"]).ShouldBe(Seconds(session["endsAt"]!));
        ICalendar.Time(e["DTSTAMP"]).ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
        int.Parse(e["SEQUENCE"], CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(0);
        calendar.Raw.ShouldNotContain("Lớp tôi không học");
    }

    [Fact]
    public async Task An_unchanged_feed_answers_304_to_its_etag_and_a_changed_one_a_new_body()
    {
        var (_, sessionId) = await EnrolledClass();
        var path = await CreateFeed("learner");
        var first = await Get(path);
        var etag = first.Headers.ETag!.Tag;
        (await Get(path, etag)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        (await Reschedule(sessionId, ClassesApi.Tomorrow.AddDays(2), "commune")).HasErrors.ShouldBeFalse();
        var after = await Get(path, etag);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.Headers.ETag!.Tag.ShouldNotBe(etag);
    }

    /// <summary>A time of the API to the whole second, as iCalendar's DATE-TIME holds it.</summary>
    private static DateTimeOffset Seconds(JsonNode time)
    {
        var t = DateTimeOffset.Parse(time.GetValue<string>(), CultureInfo.InvariantCulture).ToUniversalTime();
        return t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond));
    }

    private async Task<GraphQLResponse> Reschedule(string sessionId, DateTimeOffset startsAt, string login, int duration = 90) =>
        await app.GraphQL("mutation($i: RescheduleClassSessionInput!) { rescheduleClassSession(input: $i) { id startsAt endsAt } }",
            new { i = new { sessionId, startsAt = startsAt.ToString("O"), durationMinutes = duration } }, await _api.Org.Token(login));

    [Fact]
    public async Task A_rescheduled_class_has_its_new_time_and_a_higher_sequence_and_a_cancelled_one_is_cancelled()
    {
        var (classId, sessionId) = await EnrolledClass();
        var path = await CreateFeed("learner");
        var before = (await Feed(path)).Events.Single();

        var moved = new DateTimeOffset(ClassesApi.Tomorrow.AddDays(3).UtcDateTime.Date.AddHours(12), TimeSpan.Zero);
        await app.Host.ExecuteAndWaitAsync(async () => (await Reschedule(sessionId, moved, "commune")).HasErrors.ShouldBeFalse());
        // The learner hears of it too, as of any change of the class they see.
        var inbox = await app.GraphQL("query { myNotifications(first: 5) { nodes { kind title link } } }", null, await _api.Org.Token("learner"));
        var notification = inbox.Data["myNotifications"]!["nodes"]!.AsArray().ShouldHaveSingleItem()!;
        notification["kind"]!.GetValue<string>().ShouldBe("CLASS_CHANGED");
        notification["link"]!.GetValue<string>().ShouldBe($"/classes/{classId}");
        var after = (await Feed(path)).Events.Single();
        after["UID"].ShouldBe(before["UID"]);
        ICalendar.Time(after["DTSTART"]).ShouldBe(moved);
        ICalendar.Time(after["DTEND"]).ShouldBe(moved.AddMinutes(90));
        int.Parse(after["SEQUENCE"], CultureInfo.InvariantCulture).ShouldBeGreaterThan(int.Parse(before["SEQUENCE"], CultureInfo.InvariantCulture));

        (await _api.Org.Mutate("cancelClass", new { classId }, "commune", "status")).HasErrors.ShouldBeFalse();
        var cancelled = (await Feed(path)).Events.Single();
        cancelled["UID"].ShouldBe(before["UID"]);
        cancelled["STATUS"].ShouldBe("CANCELLED");
        int.Parse(cancelled["SEQUENCE"], CultureInfo.InvariantCulture).ShouldBeGreaterThan(int.Parse(after["SEQUENCE"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_relay_rooms_learners_hear_that_the_session_they_follow_moved_and_their_feed_shows_it()
    {
        var parent = await _api.Schedule("Bài giảng của Hà Nội", unitCode: "T01", login: "province");
        var parentSession = parent["sessions"]![0]!["id"]!.GetValue<string>();
        var relay = await _api.Schedule("Tiếp sóng tại Ba Đình", unitCode: "T01-X001", login: "commune",
            extra: new { relayOfSessionId = parentSession, startsAt = (string?)null, durationMinutes = (int?)null });
        var relayId = ClassesApi.Id(relay);
        (await _api.Enrol(relayId, await _api.Org.Token("learner"))).HasErrors.ShouldBeFalse();
        var path = await CreateFeed("learner");
        var before = (await Feed(path)).Events.Single();

        var moved = new DateTimeOffset(ClassesApi.Tomorrow.AddDays(4).UtcDateTime.Date.AddHours(13), TimeSpan.Zero);
        await app.Host.ExecuteAndWaitAsync(async () => (await Reschedule(parentSession, moved, "province")).HasErrors.ShouldBeFalse());

        var inbox = await app.GraphQL("query { myNotifications(first: 5) { nodes { kind link } } }", null, await _api.Org.Token("learner"));
        var notification = inbox.Data["myNotifications"]!["nodes"]!.AsArray().ShouldHaveSingleItem()!;
        notification["kind"]!.GetValue<string>().ShouldBe("CLASS_CHANGED");
        notification["link"]!.GetValue<string>().ShouldBe($"/classes/{relayId}");
        var after = (await Feed(path)).Events.Single();
        after["UID"].ShouldBe(before["UID"]);
        ICalendar.Time(after["DTSTART"]).ShouldBe(moved);
        int.Parse(after["SEQUENCE"], CultureInfo.InvariantCulture).ShouldBeGreaterThan(int.Parse(before["SEQUENCE"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Rescheduling_is_for_the_units_officials_to_a_future_time_and_a_refusal_changes_nothing()
    {
        var (_, sessionId) = await EnrolledClass();
        var path = await CreateFeed("learner");
        var before = (await Feed(path)).Events.Single();

        (await Reschedule(sessionId, ClassesApi.Tomorrow.AddDays(2), "learner")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await Reschedule(sessionId, ClassesApi.Tomorrow.AddDays(2), "sibling-province")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        var past = await Reschedule(sessionId, DateTimeOffset.UtcNow.AddDays(-1), "commune");
        past.FirstErrorCode.ShouldBe("INVALID_INPUT");
        past.FirstErrorMessage.ShouldBe("Không thể xếp lịch buổi học trong quá khứ.");
        (await Reschedule(sessionId, ClassesApi.Tomorrow.AddDays(2), "commune", duration: 5)).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await Reschedule(Guid.NewGuid().ToString(), ClassesApi.Tomorrow.AddDays(2), "commune")).FirstErrorCode.ShouldBe("NOT_FOUND");
        (await Reschedule("không-phải-id", ClassesApi.Tomorrow.AddDays(2), "commune")).FirstErrorCode.ShouldBe("INVALID_INPUT");

        var after = (await Feed(path)).Events.Single();
        after["DTSTART"].ShouldBe(before["DTSTART"]);
        after["SEQUENCE"].ShouldBe(before["SEQUENCE"]);
    }

    [Fact]
    public async Task A_replaced_or_revoked_token_is_404_and_the_url_is_shown_only_once()
    {
        await EnrolledClass();
        var token = await _api.Org.Token("learner");
        (await app.GraphQL(FeedQuery, null, token)).Data["calendarFeed"].ShouldBeNull();
        var old = await CreateFeed("learner");
        var mine = (await app.GraphQL(FeedQuery, null, token)).Data["calendarFeed"]!;
        mine["createdAt"].ShouldNotBeNull();
        mine["url"].ShouldBeNull();

        var unconfirmed = await app.GraphQL("mutation { createCalendarFeed(input: { confirm: false }) { url } }", null, token);
        unconfirmed.FirstErrorCode.ShouldBe("INVALID_INPUT");
        unconfirmed.FirstErrorMessage.ShouldBe("Hãy gửi `confirm: true` để tạo đường dẫn lịch.");
        (await Feed(old)).Events.Count.ShouldBe(1);
        var replaced = await CreateFeed("learner");
        replaced.ShouldNotBe(old);
        await ShouldBeGone(old);
        (await Feed(replaced)).Events.Count.ShouldBe(1);

        var unconfirmedRevoke = await app.GraphQL("mutation { revokeCalendarFeed(input: { confirm: false }) { revoked } }", null, token);
        unconfirmedRevoke.FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await Feed(replaced)).Events.Count.ShouldBe(1);
        var revoked = await app.GraphQL("mutation { revokeCalendarFeed(input: { confirm: true }) { revoked } }", null, token);
        revoked.Data["revokeCalendarFeed"]!["revoked"]!.GetValue<bool>().ShouldBeTrue();
        await ShouldBeGone(replaced);
        (await app.GraphQL(FeedQuery, null, token)).Data["calendarFeed"].ShouldBeNull();
        (await app.GraphQL("mutation { revokeCalendarFeed(input: { confirm: true }) { revoked } }", null, token)).Data["revokeCalendarFeed"]!["revoked"]!.GetValue<bool>().ShouldBeFalse();
    }

    /// <summary>A citizen who claimed the member `learner` (their account is linked to the member), as EndingAccessTests does.</summary>
    private async Task<string> LinkedCitizen(string address)
    {
        var citizen = new CitizenApi(app);
        var issued = await _api.Org.Mutate("issueClaimCode", new { personId = await _api.Org.PersonId("learner") }, "commune", "code");
        var token = await citizen.SignIn(address);
        (await _api.Org.MutateAs(token, "claimMembership", new { code = issued.Data["issueClaimCode"]!["code"]!.GetValue<string>() })).HasErrors.ShouldBeFalse();
        return token;
    }

    private async Task<string> CreateFeedAs(string token)
    {
        var response = await app.GraphQL("mutation { createCalendarFeed(input: { confirm: true }) { url } }", null, token);
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["createCalendarFeed"]!["url"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_feed_made_through_an_account_ends_when_the_account_is_deleted()
    {
        await EnrolledClass();
        var citizen = await LinkedCitizen("lich@example.vn");
        var feed = await CreateFeedAs(citizen);
        (await Feed(feed)).Events.Count.ShouldBe(1);

        (await _api.Org.MutateAs(citizen, "deleteMyAccount", new { confirm = true }, "id")).HasErrors.ShouldBeFalse();

        await ShouldBeGone(feed);
        // Gone, not just hidden: the member's own sign-in sees no feed.
        (await app.GraphQL(FeedQuery, null, await _api.Org.Token("learner"))).Data["calendarFeed"].ShouldBeNull();
    }

    [Fact]
    public async Task An_ended_link_ends_the_feed_made_through_it_but_not_one_the_member_made_with_their_own_sign_in()
    {
        await EnrolledClass();
        var linked = await CreateFeedAs(await LinkedCitizen("0911222333"));
        (await Feed(linked)).Events.Count.ShouldBe(1);
        (await _api.Org.Mutate("endAccountLinks", new { personId = await _api.Org.PersonId("learner") }, "commune", "id")).HasErrors.ShouldBeFalse();
        await ShouldBeGone(linked);

        var own = await CreateFeed("learner");
        await LinkedCitizen("0911222444");
        (await _api.Org.Mutate("endAccountLinks", new { personId = await _api.Org.PersonId("learner") }, "commune", "id")).HasErrors.ShouldBeFalse();
        (await Feed(own)).Events.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Someone_elses_feed_never_shows_my_classes_and_no_one_signed_out_manages_a_feed()
    {
        await EnrolledClass("learner");
        await CreateFeed("learner");
        var theirs = await Feed(await CreateFeed("learner2"));
        theirs.Events.ShouldBeEmpty();
        theirs.Raw.ShouldNotContain("Tin học");

        (await app.GraphQL(FeedQuery)).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await app.GraphQL("mutation { createCalendarFeed(input: { confirm: true }) { url } }")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await app.GraphQL("mutation { revokeCalendarFeed(input: { confirm: true }) { revoked } }")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task Bad_tokens_are_404_with_nothing_said()
    {
        await EnrolledClass();
        var real = await CreateFeed("learner");
        var token = real["/calendar/".Length..^".ics".Length];
        string[] bad =
        [
            "/calendar/" + new string('A', 43) + ".ics",          // well formed, unknown
            "/calendar/" + token + "A.ics",                       // one character too long
            "/calendar/" + new string('A', 2000) + ".ics",        // far too long
            "/calendar/" + token[..42] + ".ics",                  // too short
            "/calendar/" + token[..42] + "%21.ics",               // a character outside base64url
            "/calendar/" + token[..42] + "%C3%A1.ics",            // a Vietnamese letter
            "/calendar/" + token.ToUpperInvariant() + ".ics",     // the right token in the wrong case
            "/calendar/" + token,                                 // without .ics
        ];
        foreach (var path in bad) await ShouldBeGone(path);
    }

    [Fact]
    public async Task The_token_is_never_logged()
    {
        await EnrolledClass();
        var path = await CreateFeed("learner");
        var token = path["/calendar/".Length..^".ics".Length];
        (await Get(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < 50 && !app.Logs.Lines.Any(l => l.Contains("RequestPath=\"/calendar/")); i++) await Task.Delay(100);
        app.Logs.Lines.ShouldContain(l => l.Contains("RequestPath=\"/calendar/{token}.ics\" StatusCode=200"));
        app.Logs.Lines.ShouldNotContain(l => l.Contains(token));
    }

    /// <summary>404, told exactly as any address that does not exist is (the platform's problem details, nothing of feeds or tokens).</summary>
    private async Task ShouldBeGone(string path)
    {
        var response = await Get(path);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        var nowhere = await Get("/khong-co-dia-chi-nay");
        nowhere.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Told(await response.Content.ReadAsStringAsync()).ShouldBe(Told(await nowhere.Content.ReadAsStringAsync()), path);
    }

    private static string Told(string problem)
    {
        var json = JsonNode.Parse(problem)!.AsObject();
        json.Remove("correlationId");
        json.Remove("instance");
        json.Remove("traceId");
        return json.ToJsonString();
    }
}

/// <summary>A strict reader of the iCalendar the feed writes (RFC 5545 3.1): it fails the test on anything it would have to guess.</summary>
internal sealed class ICalendar
{
    public required string Raw { get; init; }
    public required bool Folded { get; init; }
    public required Dictionary<string, string> Properties { get; init; }
    public required List<Event> Events { get; init; }

    public sealed class Event(Dictionary<string, string> values, Dictionary<string, string> raw)
    {
        public Dictionary<string, string> Raw => raw;
        public string this[string name] => values[name];
    }

    public static ICalendar Parse(byte[] bytes)
    {
        var raw = new UTF8Encoding(false, true).GetString(bytes);
        raw.ShouldEndWith("\r\n");
        var physical = raw[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            line.ShouldNotContain("\n");
            line.ShouldNotContain("\r");
            Encoding.UTF8.GetByteCount(line).ShouldBeLessThanOrEqualTo(75, line);
        }
        var folded = physical.Any(l => l.StartsWith(' '));
        physical[0].ShouldNotStartWith(" ");
        var lines = new List<string>();
        foreach (var line in physical)
            if (line.StartsWith(' ')) lines[^1] += line[1..];
            else lines.Add(line);

        var properties = new Dictionary<string, string>();
        var events = new List<Event>();
        Dictionary<string, string>? current = null, currentRaw = null;
        lines[0].ShouldBe("BEGIN:VCALENDAR");
        lines[^1].ShouldBe("END:VCALENDAR");
        foreach (var line in lines.Skip(1).SkipLast(1))
        {
            var colon = line.IndexOf(':');
            colon.ShouldBeGreaterThan(0, line);
            var name = line[..colon].Split(';')[0];
            name.ShouldMatch("^[A-Z-]+$");
            var value = line[(colon + 1)..];
            if (line == "BEGIN:VEVENT") { current.ShouldBeNull(); (current, currentRaw) = ([], []); continue; }
            if (line == "END:VEVENT") { current.ShouldNotBeNull(); events.Add(new Event(current, currentRaw!)); (current, currentRaw) = (null, null); continue; }
            if (name is "SUMMARY" or "DESCRIPTION" or "LOCATION" or "X-WR-CALNAME")
                value.ShouldMatch(@"^([^\\;,]|\\[\\;,nN])*$", $"{name} is escaped");
            var target = current ?? properties;
            target.ContainsKey(name).ShouldBeFalse($"{name} once");
            target[name] = value;
            if (currentRaw is not null) currentRaw[name] = value;
        }
        current.ShouldBeNull();
        foreach (var e in events)
            foreach (var required in new[] { "UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "SUMMARY", "STATUS" })
                e[required].ShouldNotBeNullOrEmpty();
        return new ICalendar { Raw = raw, Folded = folded, Properties = properties, Events = events };
    }

    public static string Unescape(string value)
    {
        var b = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
            if (value[i] == '\\') b.Append(value[++i] is 'n' or 'N' ? '\n' : value[i]);
            else b.Append(value[i]);
        return b.ToString();
    }

    public static DateTimeOffset Time(string value) =>
        DateTimeOffset.ParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
