using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Vape.Records.Xapi;

/// <summary>
/// The shape of a statement as xAPI 2.0.0 (IEEE 9274.1.1) and 1.0.3 require it: every property known, typed and
/// well-formed, or the statement is refused whole with 400 and the path of the first fault.
/// </summary>
internal static partial class StatementRules
{
    public const string Voided = "http://adlnet.gov/expapi/verbs/voided";
    public const string SignatureUsage = "http://adlnet.gov/expapi/attachments/signature";

    private static readonly string[] StatementKeys = ["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments", "objectType"];
    private static readonly string[] SubStatementKeys = ["actor", "verb", "object", "result", "context", "timestamp", "attachments", "objectType"];
    private static readonly string[] InteractionTypes = ["true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other"];

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]*$")]
    private static partial Regex IriPattern();

    [GeneratedRegex(@"^mailto:[^@\s]+@[^@\s]+$")]
    private static partial Regex MboxPattern();

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex Sha1Pattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|z|[+-]\d{2}(:?\d{2})?)?$")]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^(P\d+(\.\d+)?W|P(?=[\dT])(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(([a-zA-Z]{2,3}(-[a-zA-Z]{3}){0,3}|[a-zA-Z]{4,8})(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?(-([a-zA-Z0-9]{5,8}|\d[a-zA-Z0-9]{3}))*(-[0-9a-wy-zA-WY-Z](-[a-zA-Z0-9]{2,8})+)*(-x(-[a-zA-Z0-9]{1,8})+)?|x(-[a-zA-Z0-9]{1,8})+|[a-zA-Z]{1,3}(-[a-zA-Z0-9]{2,8}){1,2})$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"^(1\.0(\.\d+)?|2\.0(\.\d+)?)$")]
    private static partial Regex VersionPattern();

    public static bool IsUuid(string? s) => s is not null && UuidPattern().IsMatch(s);
    public static bool IsIri(string? s) => s is not null && IriPattern().IsMatch(s);
    public static bool IsLanguage(string s) => LanguagePattern().IsMatch(s);

    public static bool IsTimestamp(string s) =>
        TimestampPattern().IsMatch(s) && !s.EndsWith("-00", StringComparison.Ordinal) && !s.EndsWith("-0000", StringComparison.Ordinal)
        && !s.EndsWith("-00:00", StringComparison.Ordinal) && ParseTimestamp(s) is not null;

    public static DateTimeOffset? ParseTimestamp(string s)
    {
        if (!TimestampPattern().IsMatch(s)) return null;
        var styles = DateTimeStyles.AllowWhiteSpaces | (HasZone(s) ? DateTimeStyles.None : DateTimeStyles.AssumeUniversal);
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, styles, out var value) ? value : null;
    }

    private static bool HasZone(string s) => s.EndsWith('Z') || s.EndsWith('z') || s.Length > 19 && (s[^6] is '+' or '-' || s[^5] is '+' or '-' || s[^3] is '+' or '-');

    public static void Statement(JsonNode? node, bool legacy)
    {
        var s = Obj(node, "statement");
        Keys(s, "statement", StatementKeys);
        if (s["objectType"] is not null) throw Fault("statement.objectType", "không được có ở cấp câu lệnh");
        if (s.ContainsKey("id")) Uuid(s["id"], "statement.id");
        Actor(s["actor"], "statement.actor", required: true);
        Verb(s["verb"], "statement.verb");
        var objectType = Object(s["object"], "statement.object", sub: false, legacy);
        if (s.ContainsKey("result")) Result(s["result"], "statement.result");
        if (s.ContainsKey("context")) Context(s["context"], "statement.context", objectType, legacy);
        if (s.ContainsKey("timestamp")) Timestamp(s["timestamp"], "statement.timestamp");
        if (s.ContainsKey("stored")) Timestamp(s["stored"], "statement.stored");
        if (s.ContainsKey("authority")) Authority(s["authority"], "statement.authority");
        if (s.ContainsKey("version"))
        {
            var version = Str(s["version"], "statement.version");
            if (!VersionPattern().IsMatch(version)) throw Fault("statement.version", "phải là 1.0.x hoặc 2.0.x");
        }
        if (s.ContainsKey("attachments")) Attachments(s["attachments"], "statement.attachments");
        if (Str(s["verb"]!["id"], "statement.verb.id") == Voided && objectType != "StatementRef")
            throw Fault("statement.object", "câu lệnh hủy (voided) phải trỏ tới một StatementRef");
    }

    private static void SubStatement(JsonObject s, string path, bool legacy)
    {
        Keys(s, path, SubStatementKeys);
        Actor(s["actor"], path + ".actor", required: true);
        Verb(s["verb"], path + ".verb");
        var objectType = Object(s["object"], path + ".object", sub: true, legacy);
        if (s.ContainsKey("result")) Result(s["result"], path + ".result");
        if (s.ContainsKey("context")) Context(s["context"], path + ".context", objectType, legacy);
        if (s.ContainsKey("timestamp")) Timestamp(s["timestamp"], path + ".timestamp");
        if (s.ContainsKey("attachments")) Attachments(s["attachments"], path + ".attachments");
    }

    public static void Actor(JsonNode? node, string path, bool required)
    {
        var a = Obj(node, path);
        var type = a.ContainsKey("objectType") ? Str(a["objectType"], path + ".objectType") : "Agent";
        if (type == "Agent") Agent(a, path);
        else if (type == "Group") Group(a, path);
        else throw Fault(path + ".objectType", "phải là Agent hoặc Group");
    }

    public static void Agent(JsonObject a, string path)
    {
        Keys(a, path, ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"]);
        if (a.ContainsKey("objectType") && Str(a["objectType"], path + ".objectType") != "Agent") throw Fault(path + ".objectType", "phải là Agent");
        if (a.ContainsKey("name")) Str(a["name"], path + ".name");
        if (Ifis(a, path) != 1) throw Fault(path, "một Agent phải có đúng một định danh (mbox, mbox_sha1sum, openid hoặc account)");
    }

    private static void Group(JsonObject g, string path)
    {
        Keys(g, path, ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"]);
        if (g.ContainsKey("name")) Str(g["name"], path + ".name");
        var ifis = Ifis(g, path);
        if (ifis > 1) throw Fault(path, "một Group chỉ có tối đa một định danh");
        if (g.ContainsKey("member"))
        {
            var members = Arr(g["member"], path + ".member");
            for (var i = 0; i < members.Count; i++)
            {
                var m = Obj(members[i], $"{path}.member[{i}]");
                if (m.ContainsKey("objectType") && Str(m["objectType"], $"{path}.member[{i}].objectType") == "Group")
                    throw Fault($"{path}.member[{i}]", "thành viên của Group phải là Agent");
                Agent(m, $"{path}.member[{i}]");
            }
            if (ifis == 0 && members.Count == 0) throw Fault(path + ".member", "Group vô danh phải có thành viên");
        }
        else if (ifis == 0) throw Fault(path + ".member", "Group vô danh phải có thành viên");
    }

    private static int Ifis(JsonObject a, string path)
    {
        var count = 0;
        if (a.ContainsKey("mbox"))
        {
            count++;
            if (!MboxPattern().IsMatch(Str(a["mbox"], path + ".mbox"))) throw Fault(path + ".mbox", "phải có dạng mailto:địa-chỉ-thư");
        }
        if (a.ContainsKey("mbox_sha1sum"))
        {
            count++;
            if (!Sha1Pattern().IsMatch(Str(a["mbox_sha1sum"], path + ".mbox_sha1sum"))) throw Fault(path + ".mbox_sha1sum", "phải là SHA-1 dạng hex");
        }
        if (a.ContainsKey("openid"))
        {
            count++;
            Iri(a["openid"], path + ".openid");
        }
        if (a.ContainsKey("account"))
        {
            count++;
            var account = Obj(a["account"], path + ".account");
            Keys(account, path + ".account", ["homePage", "name"]);
            Iri(account["homePage"], path + ".account.homePage");
            Str(account["name"], path + ".account.name");
        }
        return count;
    }

    private static void Verb(JsonNode? node, string path)
    {
        var v = Obj(node, path);
        Keys(v, path, ["id", "display"]);
        Iri(v["id"], path + ".id");
        if (v.ContainsKey("display")) LanguageMap(v["display"], path + ".display");
    }

    private static string Object(JsonNode? node, string path, bool sub, bool legacy)
    {
        var o = Obj(node, path);
        var type = o.ContainsKey("objectType") ? Str(o["objectType"], path + ".objectType") : "Activity";
        switch (type)
        {
            case "Activity":
                Activity(o, path);
                break;
            case "Agent":
                Agent(o, path);
                break;
            case "Group":
                Group(o, path);
                break;
            case "StatementRef":
                Keys(o, path, ["objectType", "id"]);
                Uuid(o["id"], path + ".id");
                break;
            case "SubStatement":
                if (sub) throw Fault(path, "SubStatement không được lồng SubStatement");
                SubStatement(o, path, legacy);
                break;
            default:
                throw Fault(path + ".objectType", "không hợp lệ");
        }
        return type;
    }

    public static void Activity(JsonObject a, string path)
    {
        Keys(a, path, ["objectType", "id", "definition"]);
        Iri(a["id"], path + ".id");
        if (!a.ContainsKey("definition")) return;
        var d = Obj(a["definition"], path + ".definition");
        var dp = path + ".definition";
        Keys(d, dp, ["name", "description", "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps"]);
        if (d.ContainsKey("name")) LanguageMap(d["name"], dp + ".name");
        if (d.ContainsKey("description")) LanguageMap(d["description"], dp + ".description");
        if (d.ContainsKey("type")) Iri(d["type"], dp + ".type");
        if (d.ContainsKey("moreInfo")) Iri(d["moreInfo"], dp + ".moreInfo");
        if (d.ContainsKey("extensions")) Extensions(d["extensions"], dp + ".extensions");
        string? interaction = null;
        if (d.ContainsKey("interactionType"))
        {
            interaction = Str(d["interactionType"], dp + ".interactionType");
            if (!InteractionTypes.Contains(interaction)) throw Fault(dp + ".interactionType", "không hợp lệ");
        }
        if (d.ContainsKey("correctResponsesPattern"))
        {
            if (interaction is null) throw Fault(dp + ".correctResponsesPattern", "chỉ dùng khi có interactionType");
            var patterns = Arr(d["correctResponsesPattern"], dp + ".correctResponsesPattern");
            for (var i = 0; i < patterns.Count; i++) Str(patterns[i], $"{dp}.correctResponsesPattern[{i}]");
        }
        foreach (var list in new[] { "choices", "scale", "source", "target", "steps" })
        {
            if (!d.ContainsKey(list)) continue;
            if (interaction is null) throw Fault(dp + "." + list, "chỉ dùng khi có interactionType");
            var allowed = list switch
            {
                "choices" => interaction is "choice" or "sequencing",
                "scale" => interaction == "likert",
                "source" or "target" => interaction == "matching",
                _ => interaction == "performance",
            };
            if (!allowed) throw Fault(dp + "." + list, $"không dùng với interactionType {interaction}");
            var items = Arr(d[list], dp + "." + list);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                var c = Obj(items[i], $"{dp}.{list}[{i}]");
                Keys(c, $"{dp}.{list}[{i}]", ["id", "description"]);
                if (!ids.Add(Str(c["id"], $"{dp}.{list}[{i}].id"))) throw Fault($"{dp}.{list}[{i}].id", "trùng");
                if (c.ContainsKey("description")) LanguageMap(c["description"], $"{dp}.{list}[{i}].description");
            }
        }
    }

    private static void Result(JsonNode? node, string path)
    {
        var r = Obj(node, path);
        Keys(r, path, ["score", "success", "completion", "response", "duration", "extensions"]);
        if (r.ContainsKey("score"))
        {
            var s = Obj(r["score"], path + ".score");
            Keys(s, path + ".score", ["scaled", "raw", "min", "max"]);
            double? scaled = s.ContainsKey("scaled") ? Num(s["scaled"], path + ".score.scaled") : null;
            double? raw = s.ContainsKey("raw") ? Num(s["raw"], path + ".score.raw") : null;
            double? min = s.ContainsKey("min") ? Num(s["min"], path + ".score.min") : null;
            double? max = s.ContainsKey("max") ? Num(s["max"], path + ".score.max") : null;
            if (scaled is < -1 or > 1) throw Fault(path + ".score.scaled", "phải trong khoảng -1 đến 1");
            if (min is not null && max is not null && min >= max) throw Fault(path + ".score.min", "phải nhỏ hơn max");
            if (raw is not null && (raw < min || raw > max)) throw Fault(path + ".score.raw", "phải nằm giữa min và max");
        }
        if (r.ContainsKey("success")) Bool(r["success"], path + ".success");
        if (r.ContainsKey("completion")) Bool(r["completion"], path + ".completion");
        if (r.ContainsKey("response")) Str(r["response"], path + ".response");
        if (r.ContainsKey("duration") && !DurationPattern().IsMatch(Str(r["duration"], path + ".duration")))
            throw Fault(path + ".duration", "phải theo ISO 8601 (ví dụ PT1H30M)");
        if (r.ContainsKey("extensions")) Extensions(r["extensions"], path + ".extensions");
    }

    private static void Context(JsonNode? node, string path, string objectType, bool legacy)
    {
        var c = Obj(node, path);
        string[] keys = legacy
            ? ["registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions"]
            : ["registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions", "contextAgents", "contextGroups"];
        Keys(c, path, keys);
        if (c.ContainsKey("registration")) Uuid(c["registration"], path + ".registration");
        if (c.ContainsKey("instructor")) Actor(c["instructor"], path + ".instructor", required: true);
        if (c.ContainsKey("team"))
        {
            var team = Obj(c["team"], path + ".team");
            if (!team.ContainsKey("objectType") || Str(team["objectType"], path + ".team.objectType") != "Group") throw Fault(path + ".team", "phải là một Group");
            Group(team, path + ".team");
        }
        if (c.ContainsKey("contextActivities"))
        {
            var ca = Obj(c["contextActivities"], path + ".contextActivities");
            Keys(ca, path + ".contextActivities", ["parent", "grouping", "category", "other"]);
            foreach (var (k, v) in ca)
            {
                var p = $"{path}.contextActivities.{k}";
                if (v is JsonArray list)
                    for (var i = 0; i < list.Count; i++) ContextActivity(list[i], $"{p}[{i}]");
                else ContextActivity(v, p);
            }
        }
        if (c.ContainsKey("revision"))
        {
            Str(c["revision"], path + ".revision");
            if (objectType != "Activity") throw Fault(path + ".revision", "chỉ dùng khi đối tượng là một Activity");
        }
        if (c.ContainsKey("platform"))
        {
            Str(c["platform"], path + ".platform");
            if (objectType != "Activity") throw Fault(path + ".platform", "chỉ dùng khi đối tượng là một Activity");
        }
        if (c.ContainsKey("language") && !IsLanguage(Str(c["language"], path + ".language"))) throw Fault(path + ".language", "không phải mã ngôn ngữ RFC 5646");
        if (c.ContainsKey("statement"))
        {
            var r = Obj(c["statement"], path + ".statement");
            Keys(r, path + ".statement", ["objectType", "id"]);
            if (Str(r["objectType"], path + ".statement.objectType") != "StatementRef") throw Fault(path + ".statement", "phải là StatementRef");
            Uuid(r["id"], path + ".statement.id");
        }
        if (c.ContainsKey("extensions")) Extensions(c["extensions"], path + ".extensions");
        if (c.ContainsKey("contextAgents"))
        {
            var list = Arr(c["contextAgents"], path + ".contextAgents");
            for (var i = 0; i < list.Count; i++)
            {
                var p = $"{path}.contextAgents[{i}]";
                var a = Obj(list[i], p);
                Keys(a, p, ["objectType", "agent", "relevantTypes"]);
                if (Str(a["objectType"], p + ".objectType") != "contextAgent") throw Fault(p + ".objectType", "phải là contextAgent");
                var agent = Obj(a["agent"], p + ".agent");
                Agent(agent, p + ".agent");
                if (a.ContainsKey("relevantTypes")) RelevantTypes(a["relevantTypes"], p + ".relevantTypes");
            }
        }
        if (c.ContainsKey("contextGroups"))
        {
            var list = Arr(c["contextGroups"], path + ".contextGroups");
            for (var i = 0; i < list.Count; i++)
            {
                var p = $"{path}.contextGroups[{i}]";
                var g = Obj(list[i], p);
                Keys(g, p, ["objectType", "group", "relevantTypes"]);
                if (Str(g["objectType"], p + ".objectType") != "contextGroup") throw Fault(p + ".objectType", "phải là contextGroup");
                var group = Obj(g["group"], p + ".group");
                if (!group.ContainsKey("objectType") || Str(group["objectType"], p + ".group.objectType") != "Group") throw Fault(p + ".group", "phải là một Group");
                Group(group, p + ".group");
                if (g.ContainsKey("relevantTypes")) RelevantTypes(g["relevantTypes"], p + ".relevantTypes");
            }
        }
    }

    private static void RelevantTypes(JsonNode? node, string path)
    {
        var list = Arr(node, path);
        if (list.Count == 0) throw Fault(path, "không được rỗng");
        for (var i = 0; i < list.Count; i++) Iri(list[i], $"{path}[{i}]");
    }

    private static void ContextActivity(JsonNode? node, string path)
    {
        var a = Obj(node, path);
        if (a.ContainsKey("objectType") && Str(a["objectType"], path + ".objectType") != "Activity") throw Fault(path, "phải là một Activity");
        Activity(a, path);
    }

    public static void Authority(JsonNode? node, string path)
    {
        var a = Obj(node, path);
        var type = a.ContainsKey("objectType") ? Str(a["objectType"], path + ".objectType") : "Agent";
        if (type == "Agent") Agent(a, path);
        else if (type == "Group")
        {
            Group(a, path);
            if (a["member"] is not JsonArray { Count: 2 } || a.Any(p => p.Key is "mbox" or "mbox_sha1sum" or "openid" or "account"))
                throw Fault(path, "authority dạng Group phải là nhóm vô danh gồm đúng hai Agent (OAuth)");
        }
        else throw Fault(path + ".objectType", "phải là Agent hoặc Group");
    }

    private static void Attachments(JsonNode? node, string path)
    {
        var list = Arr(node, path);
        for (var i = 0; i < list.Count; i++)
        {
            var p = $"{path}[{i}]";
            var a = Obj(list[i], p);
            Keys(a, p, ["usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"]);
            Iri(a["usageType"], p + ".usageType");
            LanguageMap(a["display"], p + ".display");
            if (a.ContainsKey("description")) LanguageMap(a["description"], p + ".description");
            Str(a["contentType"], p + ".contentType");
            if (a["length"] is not JsonValue length || !length.TryGetValue<long>(out var n) || n < 0)
            {
                if (a["length"] is JsonValue l && l.TryGetValue<double>(out var d) && d == Math.Floor(d) && d >= 0) { }
                else throw Fault(p + ".length", "phải là số nguyên không âm");
            }
            Str(a["sha2"], p + ".sha2");
            if (a.ContainsKey("fileUrl")) Iri(a["fileUrl"], p + ".fileUrl");
        }
    }

    private static void Extensions(JsonNode? node, string path)
    {
        var e = Obj(node, path);
        foreach (var (k, _) in e)
            if (!IsIri(k)) throw Fault($"{path}.{k}", "khóa của extensions phải là một IRI");
    }

    private static void LanguageMap(JsonNode? node, string path)
    {
        var map = Obj(node, path);
        foreach (var (k, v) in map)
        {
            if (!IsLanguage(k)) throw Fault($"{path}.{k}", "không phải mã ngôn ngữ RFC 5646");
            Str(v, $"{path}.{k}");
        }
    }

    private static void Timestamp(JsonNode? node, string path)
    {
        if (!IsTimestamp(Str(node, path))) throw Fault(path, "phải là thời điểm ISO 8601 (không dùng độ lệch -00:00)");
    }

    private static void Uuid(JsonNode? node, string path)
    {
        if (!IsUuid(Str(node, path))) throw Fault(path, "phải là UUID");
    }

    private static void Iri(JsonNode? node, string path)
    {
        if (!IsIri(Str(node, path))) throw Fault(path, "phải là IRI tuyệt đối (có scheme)");
    }

    private static void Keys(JsonObject o, string path, string[] allowed)
    {
        foreach (var (k, v) in o)
        {
            if (!allowed.Contains(k)) throw Fault($"{path}.{k}", "thuộc tính không có trong xAPI");
            if (v is null) throw Fault($"{path}.{k}", "không được là null");
        }
    }

    public static JsonObject Obj(JsonNode? node, string path) => node as JsonObject ?? throw Fault(path, node is null ? "bắt buộc" : "phải là một đối tượng JSON");

    private static JsonArray Arr(JsonNode? node, string path) => node as JsonArray ?? throw Fault(path, "phải là một mảng");

    public static string Str(JsonNode? node, string path) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Fault(path, node is null ? "bắt buộc" : "phải là chuỗi");

    private static double Num(JsonNode? node, string path) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? v.GetValue<double>() : throw Fault(path, "phải là số");

    private static void Bool(JsonNode? node, string path)
    {
        if (node is not JsonValue v || v.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            throw Fault(path, "phải là true hoặc false");
    }

    public static XapiError Fault(string path, string problem) => XapiError.Invalid($"Câu lệnh xAPI không hợp lệ: `{path}` {problem}.");
}
