using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Vape.BuildingBlocks.Hosting;

/// <summary>
/// One encoder for every JSON writer (HTTP, GraphQL, SignalR): letters of every script stay as they are, so
/// "Hà Nội" is not sent as "H\u00E0 N\u1ED9i". HTML-sensitive characters (&lt; &gt; &amp; ') are still escaped.
/// </summary>
public static class VapeJson
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// One converter instance for every hub options object: System.Text.Json shares its type metadata between
    /// options whose settings and converters are the same instances, so a .NET client with many connections (the
    /// load client, the benchmarks, the tests) builds it once rather than once per connection.
    /// </summary>
    private static readonly System.Text.Json.Serialization.JsonStringEnumConverter HubEnums = new(GraphQL.EnumNames.Policy);

    public static void Apply(JsonSerializerOptions options) => options.Encoder = Encoder;

    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>
    /// What a client reads from a hub, and the hub events GraphQL repeats: like <see cref="Options"/>, with enums as
    /// their GraphQL names (`"LEARNER"`, never `2` or `"Learner"`; ADR 0070).
    /// </summary>
    public static readonly JsonSerializerOptions Hub = CreateHub();

    /// <summary>
    /// A hub connection's (or a hub server's) JSON protocol reads and writes with <see cref="Hub"/> itself: every
    /// connection of a client holding many shares one options object, so System.Text.Json builds each type's metadata
    /// once (not per connection, and not relying on its global cache of similar options, which is full in a busy process).
    /// </summary>
    public static void UseHub(Microsoft.AspNetCore.SignalR.JsonHubProtocolOptions protocol) => protocol.PayloadSerializerOptions = Hub;

    public static void ApplyHub(JsonSerializerOptions options)
    {
        Apply(options);
        options.Converters.Add(HubEnums);
    }

    private static JsonSerializerOptions CreateHub()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApplyHub(o);
        return o;
    }

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(o);
        return o;
    }
}
