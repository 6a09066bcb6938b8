namespace Vape.Classes.Media;

/// <summary>
/// `Vape:Media`: the Janus nodes a class's voice and picture go through (none: classes are chat and slides only).
/// The admin key stays in Vape: clients only ever see a node's public URL, a room number and pin, and a token.
/// </summary>
internal sealed class MediaOptions
{
    public const string Section = "Vape:Media";

    public JanusOptions Janus { get; set; } = new();

    /// <summary>How long a media token lives: Janus checks it on every request of the session it opens (keep-alives too), so it covers a class.</summary>
    public int TokenMinutes { get; set; } = 240;

    /// <summary>How often a host removes expired tokens from Janus.</summary>
    public int SweepSeconds { get; set; } = 30;

    /// <summary>How often a host makes good the cascade's relays: a parent room's hosts and screen published into each relay room (docs/adr/0230).</summary>
    public int RelaySeconds { get; set; } = 2;

    /// <summary>Debian's janus.js (`libjs-janus-gateway`), served at `/classes/media/janus.js` to the live class when it has media.</summary>
    public string JanusScript { get; set; } = "/usr/share/javascript/janus-gateway/janus.min.js";

    public bool Enabled => Janus.Nodes.Count > 0;
}

internal sealed class JanusOptions
{
    public List<JanusNode> Nodes { get; set; } = [];
}

internal sealed class JanusNode
{
    /// <summary>The node's name, kept with each room placed on it.</summary>
    public string Name { get; set; } = "janus";

    /// <summary>The admin API (`http://127.0.0.1:7088/admin`): Vape alone talks to it.</summary>
    public string AdminUrl { get; set; } = "";

    /// <summary>The Janus API clients use (`http://10.0.0.2:8088/janus`).</summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>The admin secret and VideoRoom admin key of the node (deploy/janus/start.sh).</summary>
    public string AdminKey { get; set; } = "";

    /// <summary>Where other nodes send a parent room's media relayed into this node's rooms (RTP over UDP); empty: the host of `PublicUrl`.</summary>
    public string RelayAddress { get; set; } = "";

    public string RelayHost => RelayAddress.Length > 0 ? RelayAddress : new Uri(PublicUrl).Host;
}
