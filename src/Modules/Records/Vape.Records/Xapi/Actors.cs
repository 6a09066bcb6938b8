using System.Text.Json.Nodes;

namespace Vape.Records.Xapi;

/// <summary>Agents and Groups as the filters and documents see them: by their one inverse functional identifier.</summary>
internal static class Actors
{
    /// <summary>The identifier of an Agent or identified Group as one string (`mbox:mailto:…`, `account:homePage|name`); null for an anonymous Group.</summary>
    public static string? Ifi(JsonObject a)
    {
        if (a["mbox"] is JsonValue mbox) return "mbox:" + mbox.GetValue<string>();
        if (a["mbox_sha1sum"] is JsonValue sha) return "mbox_sha1sum:" + sha.GetValue<string>().ToLowerInvariant();
        if (a["openid"] is JsonValue openid) return "openid:" + openid.GetValue<string>();
        if (a["account"] is JsonObject account) return $"account:{account["homePage"]?.GetValue<string>()}|{account["name"]?.GetValue<string>()}";
        return null;
    }

    /// <summary>The homePage and name of an `account:` identifier (an IRI has no `|`), or null for another kind.</summary>
    public static (string HomePage, string Name)? Account(string ifi)
    {
        if (!ifi.StartsWith("account:", StringComparison.Ordinal)) return null;
        var bar = ifi.IndexOf('|');
        return bar < 0 ? null : (ifi["account:".Length..bar], ifi[(bar + 1)..]);
    }

    /// <summary>The `agent` parameter of a request: a JSON Agent (or identified Group), refused with 400 otherwise.</summary>
    public static (JsonObject Agent, string Ifi) Parse(string? json, string name = "agent")
    {
        if (string.IsNullOrEmpty(json)) throw XapiError.Invalid($"Thiếu tham số `{name}`.");
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (Exception) { throw XapiError.Invalid($"Tham số `{name}` không phải JSON hợp lệ."); }
        StatementRules.Actor(node, name, required: true);
        var agent = (JsonObject)node!;
        var ifi = Ifi(agent) ?? throw XapiError.Invalid($"Tham số `{name}` phải có một định danh (mbox, mbox_sha1sum, openid hoặc account).");
        return (agent, ifi);
    }

    /// <summary>Every Agent and Group of an actor-like value: itself and, for a Group, its members.</summary>
    public static IEnumerable<string> WithMembers(JsonNode? node)
    {
        if (node is not JsonObject a) yield break;
        if (Ifi(a) is { } ifi) yield return ifi;
        if (a["member"] is JsonArray members)
            foreach (var m in members.OfType<JsonObject>())
                if (Ifi(m) is { } member) yield return member;
    }
}
