using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>
/// A host with small cost budgets (as <see cref="CostLimitApp"/>), two requests in flight per client, and a spent
/// client's refusals held for ten seconds (ADR 0163), long enough for every request of a test to be in flight at once.
/// </summary>
public sealed class ClientGateApp() : VapeApp("vape_tests_gate", "Development", Settings)
{
    public const int MaxInFlight = 2;

    private static Dictionary<string, string?> Settings => new(CostLimitApp.Budgets)
    {
        ["Vape:GraphQL:MaxInFlightPerClient"] = MaxInFlight.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Vape:GraphQL:RefusalHoldMilliseconds"] = "10000",
    };
}

[CollectionDefinition(Name)]
public sealed class ClientGateCollection : ICollectionFixture<ClientGateApp>
{
    public const string Name = "client-gate";
}

/// <summary>
/// A flood costs the flooder time, not the server's CPU (issue #28, ADR 0163): a spent client's refusals are held before
/// they are answered and keep their code, message and Retry-After; a client with its cap of requests in flight is refused
/// at once (TOO_MANY_IN_FLIGHT); nobody else waits. No timing is asserted: only what each caller gets.
/// </summary>
[Collection(ClientGateCollection.Name)]
public sealed class ClientGateTests(ClientGateApp app)
{
    private const string Small = "{ units(first: 5) { nodes { id name } } }";

    [Fact]
    public async Task A_spent_clients_held_refusals_keep_the_code_the_message_and_Retry_After()
    {
        await MinuteWithAtLeast(40);
        var flooder = CostLimitTests.NewClient();
        var (status, refused, retryAfter) = await CostLimitTests.Answer(app, flooder, CostLimitTests.Aliases(400));
        ShouldBeRefusedForCost(status, refused, retryAfter);
        refused["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("Truy vấn này tốn");

        // The next one is refused before it is read, held the same way, and says the same.
        (status, refused, retryAfter) = await CostLimitTests.Answer(app, flooder, Small);
        ShouldBeRefusedForCost(status, refused, retryAfter);
        refused["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("đã dùng hết");
    }

    [Fact]
    public async Task Requests_over_the_cap_in_flight_are_refused_at_once_and_other_clients_are_answered_meanwhile()
    {
        // Two holds of ten seconds must end in the same minute.
        await MinuteWithAtLeast(40);
        var flooder = CostLimitTests.NewClient();
        (await CostLimitTests.Ask(app, flooder, CostLimitTests.Aliases(400))).Status.ShouldBe(429);

        // Its minute spent, the flooder sends five at once: two are held (its cap), three are refused for the cap.
        var flood = Enumerable.Range(0, ClientGateApp.MaxInFlight + 3).Select(_ => CostLimitTests.Answer(app, flooder, Small)).ToList();
        // Meanwhile another address, and a person signed in from the flooder's own address, are answered.
        var (other, otherAnswer) = await CostLimitTests.Ask(app, CostLimitTests.NewClient(), Small);
        other.ShouldBe(200, otherAnswer.ToJsonString());
        var (person, personAnswer) = await CostLimitTests.Ask(app, flooder, Small, await app.TokenFor("learner"));
        person.ShouldBe(200, personAnswer.ToJsonString());

        var answers = await Task.WhenAll(flood);
        var codes = answers.Select(a => Code(a.Json)).ToList();
        codes.Count(c => c == "RATE_LIMITED").ShouldBe(ClientGateApp.MaxInFlight, string.Join(", ", codes));
        codes.Count(c => c == "TOO_MANY_IN_FLIGHT").ShouldBe(3, string.Join(", ", codes));
        foreach (var (status, json, retryAfter) in answers.Where(a => Code(a.Json) == "TOO_MANY_IN_FLIGHT"))
        {
            status.ShouldBe(429, json.ToJsonString());
            json["data"].ShouldBeNull();
            json["errors"]![0]!["message"]!.GetValue<string>().ShouldBe($"Bạn đang có {ClientGateApp.MaxInFlight} yêu cầu chưa được trả lời; hãy chờ chúng xong rồi gửi tiếp.");
            retryAfter.ShouldBe("1");
        }
        foreach (var (status, json, retryAfter) in answers.Where(a => Code(a.Json) == "RATE_LIMITED"))
            ShouldBeRefusedForCost(status, json, retryAfter);

        // Once they are answered, the flooder has its places back: its next request is the cost's refusal again (or,
        // if its minute ended meanwhile, answered), never the cap's.
        var (_, again, _) = await CostLimitTests.Answer(app, flooder, Small);
        (again["errors"] is null ? "answered" : Code(again)).ShouldBeOneOf("RATE_LIMITED", "answered");
    }

    /// <summary>Waits for the next minute's window when less than <paramref name="seconds"/> are left of this one.</summary>
    private async Task MinuteWithAtLeast(int seconds)
    {
        var (_, probe) = await CostLimitTests.Ask(app, CostLimitTests.NewClient(), "{ __typename }");
        var reset = CostLimitTests.Cost(probe, "resetInSeconds");
        if (reset < seconds) await Task.Delay(TimeSpan.FromSeconds(reset + 1));
    }

    private static string Code(JsonNode json) => json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    private static void ShouldBeRefusedForCost(int status, JsonNode json, string? retryAfter)
    {
        status.ShouldBe(429, json.ToJsonString());
        json["data"].ShouldBeNull();
        Code(json).ShouldBe("RATE_LIMITED");
        CostLimitTests.Cost(json, "limit").ShouldBe(2000);
        retryAfter.ShouldBe(CostLimitTests.Cost(json, "resetInSeconds").ToString(System.Globalization.CultureInfo.InvariantCulture));
        int.Parse(retryAfter!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
    }
}
