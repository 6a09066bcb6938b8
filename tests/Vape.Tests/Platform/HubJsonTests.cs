using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Hosting;

namespace Vape.Tests.Platform;

/// <summary>
/// A .NET client holding many hub connections (the load client, the benchmarks, these tests) gives each its own
/// options object; they must share System.Text.Json's type metadata, or every connection builds its own (about 60 KB
/// for a classroom snapshot: the memory per learner measured 2.7× a bare hub instead of 1.26×).
/// </summary>
public sealed class HubJsonTests
{
    public enum Shade { LightGreen, Dark }

    public sealed record Sample(Guid Id, Shade Shade, string Name);

    [Fact]
    public void Two_connections_read_with_one_options_object_and_so_share_their_type_metadata()
    {
        // As the SignalR client does: a protocol options object per connection, configured by the same call. Each once
        // configured its own JsonSerializerOptions and relied on System.Text.Json's global cache of similar options to
        // share metadata; in a busy process (the whole test run: CI, 2026-12-07) that cache was full and they did not.
        JsonHubProtocolOptions Connection()
        {
            var o = new JsonHubProtocolOptions();
            VapeJson.UseHub(o);
            JsonSerializer.Deserialize<Sample>("{\"shade\":\"DARK\"}", o.PayloadSerializerOptions);
            return o;
        }
        var a = Connection();
        var b = Connection();

        Assert.NotSame(a, b);
        Assert.Same(a.PayloadSerializerOptions, b.PayloadSerializerOptions);
        Assert.Same(a.PayloadSerializerOptions.GetTypeInfo(typeof(Sample)), b.PayloadSerializerOptions.GetTypeInfo(typeof(Sample)));
    }

    [Fact]
    public void Hub_options_still_write_enums_as_their_GraphQL_names()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        VapeJson.ApplyHub(o);

        var json = JsonSerializer.Serialize(new Sample(Guid.Empty, Shade.LightGreen, "Hà Nội"), o);

        Assert.Contains("\"shade\":\"LIGHT_GREEN\"", json);
        Assert.Contains("\"name\":\"Hà Nội\"", json);
        Assert.Equal(Shade.Dark, JsonSerializer.Deserialize<Sample>("{\"shade\":\"DARK\"}", o)!.Shade);
    }
}
