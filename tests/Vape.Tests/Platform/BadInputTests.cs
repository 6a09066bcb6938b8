using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

[Collection(HardeningDevelopmentCollection.Name)]
public sealed class BadInputInDevelopmentTests(HardeningDevelopmentApp app) : BadInputTests(app);

[Collection(HardeningProductionCollection.Name)]
public sealed class BadInputInProductionTests(HardeningProductionApp app) : BadInputTests(app);

/// <summary>
/// What an attacker or a careless client sends that used to reach INTERNAL or a 500 (issue #28): each gets
/// INVALID_INPUT with a Vietnamese message, nothing is stored, and the log holds no stack trace.
/// </summary>
public abstract class BadInputTests(VapeApp app)
{
    private readonly DemoTokens _tokens = new(app);

    protected Task<string> Token(string login) => _tokens.For(login);

    private async Task<string> UnitId(string code) =>
        (await app.GraphQL("query($c: String!) { unitByCode(code: $c) { id } }", new { c = code })).Data["unitByCode"]!["id"]!.GetValue<string>();

    private async Task<string> ChannelId(string login) =>
        (await app.GraphQL("{ channels { nodes { id } } }", token: await Token(login))).Data["channels"]!["nodes"]![0]!["id"]!.GetValue<string>();

    /// <summary>Runs `act`, then checks that the log it caused holds no stack trace and no INTERNAL error.</summary>
    private async Task<T> WithoutStackTrace<T>(Func<Task<T>> act)
    {
        var before = app.Logs.Lines.Count;
        var result = await act();
        await Task.Delay(50); // the request log line is written as the response ends
        var lines = app.Logs.Lines.Skip(before).ToList();
        lines.ShouldNotContain(l => l.Contains("\n   at ") || l.Contains("Exception:"), string.Join("\n", lines));
        return result;
    }

    private static void ShouldBeInvalidInput(GraphQLResponse response)
    {
        response.Status.ShouldBeLessThan(500, response.Body);
        response.FirstErrorCode.ShouldBe("INVALID_INPUT", response.Body);
        response.FirstErrorMessage.ShouldNotBeNull();
        // Vietnamese: the message names what is wrong in the words a user reads.
        response.FirstErrorMessage!.ShouldMatch("[ýảạựữồốơđư]|ký tự|văn bản|Văn bản|không", response.Body);
        response.Body.ShouldNotContain("   at ");
    }

    public static TheoryData<string> TextFields() =>
    [
        "postMessage", "publishNews", "submitResource", "declareActivity", "searchUnits", "searchPeople", "resources", "literal",
    ];

    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task A_NUL_byte_in_any_text_is_INVALID_INPUT_and_nothing_is_stored(string where)
    {
        const string bad = "Bài\0 viết";
        var response = await WithoutStackTrace(async () => where switch
        {
            "postMessage" => await app.GraphQL("mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }",
                new { i = new { channelId = await ChannelId("commune"), messageId = Guid.CreateVersion7(), body = bad } }, await Token("commune")),
            "publishNews" => await app.GraphQL("mutation($i: PublishNewsInput!) { publishNews(input: $i) { id } }",
                new { i = new { unitId = await UnitId("T01-X001"), title = "Tin vui", body = bad } }, await Token("commune")),
            "submitResource" => await app.GraphQL("mutation($i: SubmitResourceInput!) { submitResource(input: $i) { id } }",
                new { i = new { title = bad, domain = "SCIENCE", audience = "EVERYONE", language = "vi", format = "LINK", licence = "CC_BY", externalUrl = "https://example.org/a" } },
                await Token("learner")),
            "declareActivity" => await app.GraphQL("mutation($i: DeclareActivityInput!) { declareActivity(input: $i) { personId } }",
                new { i = new { title = bad, domain = "DIGITAL_SKILLS", date = "2026-03-14", hours = 1.5m } }, await Token("learner")),
            "searchUnits" => await app.GraphQL("query($t: String!) { searchUnits(text: $t) { nodes { id } } }", new { t = bad }),
            "searchPeople" => await app.GraphQL("query($t: String!, $u: ID!) { searchPeople(text: $t, unitId: $u) { nodes { id } } }",
                new { t = bad, u = await UnitId("T01-X001") }, await Token("commune")),
            "resources" => await app.GraphQL("query($t: String) { resources(search: $t) { __typename } }", new { t = bad }),
            _ => await app.GraphQL("{ searchUnits(text: \"Hà\\u0000Nội\") { nodes { id } } }"),
        });

        ShouldBeInvalidInput(response);
        if (where == "declareActivity")
        {
            var record = await app.GraphQL("{ myRecord { activities(first: 100) { nodes { title } } } }", token: await Token("learner"));
            record.Data["myRecord"]!["activities"]!["nodes"]!.AsArray().ShouldNotContain(a => a!["title"]!.GetValue<string>().Contains("Bài"));
        }
    }

    [Theory]
    [InlineData("{\"query\":\"{ searchUnits(text: \\\"\xc3\x28\\\") { nodes { id } } }\"}", "invalid UTF-8 in the query")]
    [InlineData("{\"query\":\"query($t: String!) { searchUnits(text: $t) { nodes { id } } }\",\"variables\":{\"t\":\"\xc3\x28\"}}", "invalid UTF-8 in a variable")]
    [InlineData("{\"query\":\"{ searchUnits(text: \\\"\\ud800\\\") { nodes { id } } }\"}", "a lone surrogate in the query")]
    [InlineData("{\"query\":\"query($t: String!) { searchUnits(text: $t) { nodes { id } } }\",\"variables\":{\"t\":\"a\\udc00b\"}}", "a lone surrogate in a variable")]
    [InlineData("{\"query\":\"{ searchUnits(text: \\\"\\\\ud800\\\") { nodes { id } } }\"}", "a lone surrogate escaped in a GraphQL string")]
    public async Task Broken_text_in_the_body_is_INVALID_INPUT_not_a_500(string body, string what)
    {
        // The test's own strings hold \xc3 as the character U+00C3; the bytes sent are Latin-1 to keep 0xC3 0x28 as they are.
        var bytes = Encoding.Latin1.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        var response = await WithoutStackTrace(() => app.Send(request));

        response.Status.ShouldNotBe(500, what);
        ShouldBeInvalidInput(response);
    }

    [Theory]
    [InlineData("YzoA")] // base64 of "c:\0"
    [InlineData("YzphAGI=")] // "c:a\0b"
    [InlineData("Yzr/")] // "c:" and a byte that is not UTF-8
    [InlineData("%%%")]
    public async Task A_forged_cursor_is_INVALID_INPUT(string cursor)
    {
        var response = await WithoutStackTrace(() => app.GraphQL("query($a: String) { units(after: $a) { nodes { id } } }", new { a = cursor }));
        ShouldBeInvalidInput(response);
    }

    [Fact]
    public async Task Two_officials_adding_one_citizen_id_at_once_never_see_a_constraint_name()
    {
        var unit = await UnitId("T01-X001");
        var citizenId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        var token = await Token("commune");
        var responses = await WithoutStackTrace(() => Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            app.GraphQL("mutation($i: AddMemberInput!) { addMember(input: $i) { id } }",
                new { i = new { homeUnitId = unit, fullName = $"Người Trùng Số {i}", citizenId } }, token))));

        responses.Count(r => !r.HasErrors).ShouldBe(1, string.Join("\n", responses.Select(r => r.Body)));
        foreach (var refused in responses.Where(r => r.HasErrors))
        {
            ShouldBeInvalidInput(refused);
            refused.FirstErrorMessage.ShouldBe("Số định danh này đã có trong danh sách hội viên.");
            refused.Body.ShouldNotContain("_key");
            refused.Body.ShouldNotContain("citizen_id");
        }
    }

    public static TheoryData<string, string> HiddenCharacters() => new()
    {
        { "\u202E", "right-to-left override" },
        { "\u200B", "zero-width space" },
        { "\u2066", "left-to-right isolate" },
        { "\uFEFF", "zero-width no-break space" },
        { "\n", "a line break" },
    };

    [Theory]
    [MemberData(nameof(HiddenCharacters))]
    public async Task Names_titles_and_codes_refuse_invisible_and_direction_characters(string hidden, string what)
    {
        var unit = await UnitId("T01-X001");
        var member = await WithoutStackTrace(() => Mutation("addMember", "AddMemberInput", new { homeUnitId = unit, fullName = $"Nguyễn{hidden} Khuất Ẩn Danh" }, "commune"));
        var channel = await WithoutStackTrace(() => Mutation("createUnit", "CreateUnitInput", new { parentId = unit, code = $"T01-X001-9{hidden}9", name = "Tổ dân phố thử", kind = "VILLAGE" }, "commune"));
        var activity = await WithoutStackTrace(() => Mutation("declareActivity", "DeclareActivityInput", new { title = $"Học{hidden} nấu ăn", domain = "DIGITAL_SKILLS", date = "2026-03-14", hours = 1 }, "learner", "personId"));
        var news = await WithoutStackTrace(() => Mutation("publishNews", "PublishNewsInput", new { unitId = unit, title = $"Tin{hidden} mới", body = "Nội dung" }, "commune"));
        var byCode = await WithoutStackTrace(() => app.GraphQL($"{{ unitByCode(code: \"T01{(hidden == "\n" ? "\\n" : hidden)}\") {{ id }} }}"));

        foreach (var response in new[] { member, channel, activity, news, byCode })
        {
            ShouldBeInvalidInput(response);
            response.FirstErrorMessage!.ShouldContain("ký tự", customMessage: what);
        }
        var people = await app.GraphQL("query($u: ID!) { searchPeople(text: \"Khuất Ẩn Danh\", unitId: $u) { nodes { id } } }", new { u = unit }, await Token("commune"));
        people.Data["searchPeople"]!["nodes"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_name_in_a_member_CSV_file_with_a_direction_character_is_refused_on_its_line()
    {
        var csv = "ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho\nBùi Văn Nhập,1980,Nam,,,\nĐỗ \u202EThị Ngược,1981,Nữ,,,\n";
        var response = await Mutation("importMembers", "ImportMembersInput",
            new { unitId = await UnitId("T01-X001"), csvBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(csv)) }, "province", "ok imported problems { line message }");

        var result = response.Data["importMembers"]!;
        result["imported"]!.GetValue<int>().ShouldBe(0);
        result["problems"]!.AsArray().Single()!["line"]!.GetValue<int>().ShouldBe(3);
        result["problems"]![0]!["message"]!.GetValue<string>().ShouldContain("ký tự ẩn");
    }

    [Fact]
    public async Task A_body_may_hold_direction_characters_and_text_is_stored_in_NFC()
    {
        var unit = await UnitId("T01-X001");
        var body = "Trích dẫn: \u202Eabc\u202C và \u2066xyz\u2069 (U+202E trong nội dung là được phép).";
        var news = await Mutation("publishNews", "PublishNewsInput", new { unitId = unit, title = "Tin có trích dẫn", body }, "commune", "id");
        news.HasErrors.ShouldBeFalse(news.Body);

        var decomposed = "Nguyễn Thị Hòa Bình".Normalize(NormalizationForm.FormD);
        var added = await Mutation("addMember", "AddMemberInput", new { homeUnitId = unit, fullName = decomposed }, "commune", "fullName");
        added.HasErrors.ShouldBeFalse(added.Body);
        added.Data["addMember"]!["fullName"]!.GetValue<string>().ShouldBe("Nguyễn Thị Hòa Bình".Normalize(NormalizationForm.FormC));
    }

    private async Task<GraphQLResponse> Mutation(string name, string inputType, object input, string login, string selection = "__typename") =>
        await app.GraphQL($"mutation($i: {inputType}!) {{ {name}(input: $i) {{ {selection} }} }}", new { i = input }, await Token(login));
}
