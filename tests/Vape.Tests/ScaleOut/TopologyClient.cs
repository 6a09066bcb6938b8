using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vape.Tests.ScaleOut;

/// <summary>Many people's requests through nginx, the way their phones make them: one pooled client, sent again when the answer is lost.</summary>
public sealed class TopologyClient(Uri nginx) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = nginx, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<string> Token(string login)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await _http.PostAsJsonAsync("/dev/token", new { login });
            if (response.IsSuccessStatusCode)
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            attempt.ShouldBeLessThan(20, $"/dev/token for {login}: {(int)response.StatusCode}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// What a phone does with a request whose fate it did not learn (the host died under it: nginx answers 502,
    /// or the database was away: UNAVAILABLE): it sends the same request again, until it gets an answer.
    /// </summary>
    public async Task<JsonNode> UntilAnswered(string query, object variables, string token)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
                request.Headers.Authorization = new("Bearer", token);
                using var response = await _http.SendAsync(request);
                if (response.StatusCode is HttpStatusCode.OK)
                {
                    var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                    if (answer["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() != "UNAVAILABLE") return answer;
                }
                else response.StatusCode.ShouldBeOneOf(HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout);
            }
            catch (HttpRequestException) { }
            attempt.ShouldBeLessThan(100, "no answer after 100 tries");
            await Task.Delay(Math.Min(100 * attempt, 1000));
        }
    }

    /// <summary>Runs `count` operations, at most `parallel` at once and no faster than `perSecond`, counting those done.</summary>
    public static async Task Flood(int count, int parallel, int perSecond, Func<int, Task> operation, Action done)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var due = TimeSpan.FromSeconds((double)i / perSecond);
                if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
                await operation(i);
                done();
            }
        }));
    }

    /// <summary>A class of the community learning centre of Phường Ba Đình with `learners` learners hv0001… enrolled (they must exist: `seed --load`).</summary>
    /// <remarks>`startsIn`: 5 minutes unless given (a class more than a day ahead raises no reminders while a test runs).</remarks>
    public async Task<(Guid SessionId, string[] Tokens)> ClassWithLearners(int learners, string title, int completionPercent = 70, TimeSpan? startsIn = null)
    {
        var teacher = await Token("commune");
        var unit = (await UntilAnswered("{ unitByCode(code: \"T01-X001-02\") { id } }", new { }, teacher))["data"]!["unitByCode"]!["id"]!.GetValue<string>();
        var scheduled = (await UntilAnswered("mutation($i: ScheduleClassInput!) { scheduleClass(input: $i) { id sessions { id } } }", new
        {
            i = new { unitId = unit, title, topic = "DIGITAL_SKILLS", audience = "PUBLIC", capacity = learners, completionPercent, startsAt = DateTimeOffset.UtcNow + (startsIn ?? TimeSpan.FromMinutes(5)), durationMinutes = 60 },
        }, teacher))["data"]!["scheduleClass"]!;
        var classId = scheduled["id"]!.GetValue<string>();
        var tokens = new string[learners];
        await Flood(learners, 16, int.MaxValue, async i =>
        {
            tokens[i] = await Token($"hv{i + 1:0000}");
            var enrolled = await UntilAnswered("mutation($i: EnrolInClassInput!) { enrolInClass(input: $i) { status } }", new { i = new { classId } }, tokens[i]);
            enrolled["data"]!["enrolInClass"]!["status"]!.GetValue<string>().ShouldBe("ENROLLED");
        }, () => { });
        return (Guid.Parse(scheduled["sessions"]![0]!["id"]!.GetValue<string>()), tokens);
    }

    public void Dispose() => _http.Dispose();
}
