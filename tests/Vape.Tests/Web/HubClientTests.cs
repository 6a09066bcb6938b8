using System.Diagnostics;
using System.Text.Json.Nodes;
using Vape.Tests.Coordination;
using Vape.Tests.Support;
using Xunit.Abstractions;

namespace Vape.Tests.Web;

/// <summary>
/// `/hubs/coordination` through the official JavaScript client (@microsoft/signalr, with
/// @microsoft/signalr-protocol-msgpack for MessagePack), in node against the host on its real port
/// (tests/Vape.Tests/Hubs/hub-client.mjs): one contract on both protocols, the catch-up after every connect, and a
/// frame over the limit closed with a reason the client can read.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HubClientTests(WebHost web, ITestOutputHelper output)
{
    private readonly CoordinationApi _api = new(web.App);

    [Fact]
    public async Task The_JavaScript_client_reads_the_same_names_shapes_enums_and_times_over_JSON_and_MessagePack()
    {
        var seen = new Dictionary<string, JsonNode>();
        foreach (var protocol in new[] { "json", "msgpack" })
        {
            var result = await Run("contract", protocol, ("VAPE_READER_TOKEN", await _api.Token("province")), ("VAPE_WRITER_TOKEN", await _api.Token("central")));
            result["channel"]!["kind"]!.GetValue<string>().ShouldBe("CROSS_LEVEL", protocol);
            result["posted"]!["priority"]!.GetValue<string>().ShouldBe("URGENT", $"{protocol}: the camelCase argument was read");
            result["push"]!["kind"]!.GetValue<string>().ShouldBe("POSTED", protocol);
            result["push"]!["message"]!["body"]!.GetValue<string>().ShouldBe("Họp giao ban sáng thứ Hai.", protocol);
            foreach (var time in new[] { result["push"]!["at"]!, result["posted"]!["postedAt"]!, result["caughtUp"]![0]!["events"]![0]!["at"]! })
                DateTimeOffset.TryParse(time.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _)
                    .ShouldBeTrue($"{protocol}: a time is an ISO string, got {time.ToJsonString()}");
            seen[protocol] = result;
        }
        Shape(seen["msgpack"]).ShouldBe(Shape(seen["json"]), "MessagePack carries what JSON carries");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    public async Task A_post_racing_a_connect_is_never_missed_by_a_client_that_catches_up_after_starting(string protocol)
    {
        var result = await Run("race", protocol, ("VAPE_READER_TOKEN", await _api.Token("province")), ("VAPE_WRITER_TOKEN", await _api.Token("central")),
            ("VAPE_TRIES", "25"));
        output.WriteLine($"{result["tries"]} tries: {result["missedByPushes"]} posts reached the new connection only through its catch-up");
        result["tries"]!.GetValue<int>().ShouldBe(25);
        result["missed"]!.GetValue<int>().ShouldBe(0);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    public async Task A_frame_over_the_limit_closes_the_connection_with_MESSAGE_TOO_LARGE(string protocol)
    {
        var result = await Run("tooLarge", protocol, ("VAPE_WRITER_TOKEN", await _api.Token("central")), ("VAPE_BODY_CHARS", "40000"));
        var reason = result["reason"]!.GetValue<string>();
        reason.ShouldContain("MESSAGE_TOO_LARGE: ");
        reason.ShouldContain("Tin gửi lên quá lớn");
        result["call"]!.GetValue<string>().ShouldNotBe("answered");
    }

    private async Task<JsonNode> Run(string scenario, string protocol, params (string Name, string Value)[] env)
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        var psi = new ProcessStartInfo("node", [Path.Combine(Repo.Root, "tests", "Vape.Tests", "Hubs", "hub-client.mjs"), scenario, protocol])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["VAPE_URL"] = web.BaseUrl;
        psi.Environment["VAPE_WEB"] = Path.Combine(Repo.Root, "src", "Web");
        psi.Environment["VAPE_CHANNEL"] = channel.ToString();
        foreach (var (name, value) in env) psi.Environment[name] = value;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.WriteLine(await stderr);
        process.ExitCode.ShouldBe(0, await stderr);
        return JsonNode.Parse(await stdout)!;
    }

    /// <summary>Names and kinds of values, recursively (an array by its first item).</summary>
    private static string Shape(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Select(p => p.Key + ":" + Shape(p.Value))) + "}",
        JsonArray a => "[" + (a.Count > 0 ? Shape(a[0]) : "") + "]",
        null => "null",
        _ => node.GetValueKind().ToString(),
    };
}
