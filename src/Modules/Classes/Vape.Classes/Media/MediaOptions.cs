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

    /// <summary>How often one host pings every Janus node, to move a dead node's rooms and make a restarted one's again (docs/adr/0302, 0303).</summary>
    public int NodeCheckSeconds { get; set; } = 5;

    /// <summary>Pings a node misses in a row (two seconds each) before it is marked down and its rooms move.</summary>
    public int NodeMisses { get; set; } = 3;

    /// <summary>How often a host makes good the cascade's relays: a parent room's hosts and screen published into each relay room (docs/adr/0230).</summary>
    public int RelaySeconds { get; set; } = 2;

    /// <summary>Debian's janus.js (`libjs-janus-gateway`), served at `/classes/media/janus.js` to the live class when it has media.</summary>
    public string JanusScript { get; set; } = "/usr/share/javascript/janus-gateway/janus.min.js";

    /// <summary>
    /// How often a page reads the room's publishers from Janus in case it missed the hub's word that they changed
    /// (`mediaPublishersChanged`, docs/adr/0268): a slow fallback, not the way a page learns of a new publisher.
    /// </summary>
    public int PublishersPollSeconds { get; set; } = 30;

    /// <summary>Janus's post-processor (Debian's `janus-tools`): turns a recorded class's `.mjr` files into webm and ogg (docs/adr/0235).</summary>
    public string RecordingTool { get; set; } = "/usr/bin/janus-pp-rec";

    /// <summary>How long a host holds a recording it converts before another host may take it over (it died meanwhile).</summary>
    public int RecordingClaimMinutes { get; set; } = 15;

    /// <summary>Where a converted session's `.mjr` files are moved instead of deleted (absolute; empty: deleted), to inspect or convert again.</summary>
    public string KeepRecordingSources { get; set; } = "";

    public bool Enabled => Janus.Nodes.Count > 0;

    /// <summary>Every node has a recording folder: a class may be recorded wherever its room is placed.</summary>
    public bool RecordingEnabled => Enabled && Janus.Nodes.All(n => !string.IsNullOrWhiteSpace(n.RecordingDir));

    /// <summary>What is wrong with the configuration, naming the key; nothing when it is fine (checked at start).</summary>
    public IEnumerable<string> Problems()
    {
        for (var i = 0; i < Janus.Nodes.Count; i++)
        {
            var node = Janus.Nodes[i];
            var key = $"{Section}:Janus:Nodes:{i}";
            if (string.IsNullOrWhiteSpace(node.Name)) yield return $"{key}:Name must name the node (kept with each room placed on it).";
            else if (Janus.Nodes.FindIndex(n => n.Name == node.Name) < i) yield return $"{key}:Name '{node.Name}' is already the name of another node.";
            if (!IsHttp(node.AdminUrl)) yield return $"{key}:AdminUrl must be the node's admin API, an absolute http(s) address.";
            if (!IsHttp(node.PublicUrl)) yield return $"{key}:PublicUrl must be the Janus API clients use, an absolute http(s) address.";
            if (string.IsNullOrWhiteSpace(node.AdminKey)) yield return $"{key}:AdminKey must be the node's admin secret (deploy/janus/start.sh).";
            if (node.RelayAddress.Length > 0 && Uri.CheckHostName(node.RelayAddress) == UriHostNameType.Unknown)
                yield return $"{key}:RelayAddress must be a host name or address.";
            if (node.RecordingDir is { Length: > 0 } dir && !Path.IsPathFullyQualified(dir))
                yield return $"{key}:RecordingDir must be an absolute folder (where the node writes and this host reads), not '{dir}'.";
        }
        if (KeepRecordingSources is { Length: > 0 } keep && !Path.IsPathFullyQualified(keep))
            yield return $"{Section}:KeepRecordingSources must be an absolute folder, not '{keep}'.";
        if (RecordingClaimMinutes is < 1 or > 1440) yield return $"{Section}:RecordingClaimMinutes must be 1–1440.";
        if (TokenMinutes is < 1 or > 1440) yield return $"{Section}:TokenMinutes must be 1–1440.";
        if (SweepSeconds is < 1 or > 3600) yield return $"{Section}:SweepSeconds must be 1–3600.";
        if (NodeCheckSeconds is < 1 or > 3600) yield return $"{Section}:NodeCheckSeconds must be 1–3600.";
        if (NodeMisses is < 1 or > 100) yield return $"{Section}:NodeMisses must be 1–100.";
        if (RelaySeconds is < 1 or > 3600) yield return $"{Section}:RelaySeconds must be 1–3600.";
        if (PublishersPollSeconds is < 1 or > 3600) yield return $"{Section}:PublishersPollSeconds must be 1–3600.";
        if (string.IsNullOrWhiteSpace(JanusScript)) yield return $"{Section}:JanusScript must be the path of Debian's janus.js.";
        if (string.IsNullOrWhiteSpace(RecordingTool)) yield return $"{Section}:RecordingTool must be the path of janus-pp-rec.";
    }

    private static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
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

    /// <summary>
    /// Where this node writes a recorded class's `.mjr` files and every Vape host reads them (absolute; the same path on
    /// both sides: a shared folder when Janus runs on another machine, docs/adr/0235). Empty: no class is recorded.
    /// </summary>
    public string RecordingDir { get; set; } = "";
}
