using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vape.Records.Xapi;

/// <summary>The `format` of GET /statements: `exact` as stored, `ids` with only identifiers, `canonical` with one language per map.</summary>
internal static class Formats
{
    private static readonly string[] LanguageMaps = ["display", "name", "description"];

    public static JsonObject Apply(JsonObject s, string format, string? acceptLanguage) => format switch
    {
        "ids" => Ids(s),
        "canonical" => (JsonObject)Canonical(s, Preferred(acceptLanguage))!,
        _ => s,
    };

    private static JsonObject Ids(JsonObject s)
    {
        var copy = s.DeepClone().AsObject();
        foreach (var key in new[] { "actor", "authority" })
            if (copy[key] is JsonObject a) copy[key] = Actor(a);
        if (copy["verb"] is JsonObject verb) copy["verb"] = new JsonObject { ["id"] = verb["id"]!.DeepClone() };
        if (copy["object"] is JsonObject o)
        {
            var type = o["objectType"]?.GetValue<string>() ?? "Activity";
            copy["object"] = type switch
            {
                "Activity" => new JsonObject { ["id"] = o["id"]!.DeepClone() },
                "Agent" or "Group" => Actor(o),
                "SubStatement" => Ids(o),
                _ => o,
            };
        }
        return copy;
    }

    private static JsonObject Actor(JsonObject a)
    {
        var result = new JsonObject();
        if (a["objectType"] is { } type) result["objectType"] = type.DeepClone();
        foreach (var ifi in new[] { "mbox", "mbox_sha1sum", "openid", "account" })
            if (a[ifi] is { } value) result[ifi] = value.DeepClone();
        if (a["member"] is JsonArray members) result["member"] = new JsonArray(members.OfType<JsonObject>().Select(m => (JsonNode)Actor(m)).ToArray());
        return result;
    }

    private static JsonNode? Canonical(JsonNode? node, string[] preferred)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (k, v) in o)
                {
                    if (k == "extensions") copy[k] = v?.DeepClone();
                    else if (LanguageMaps.Contains(k) && v is JsonObject map && map.Count > 0) copy[k] = Pick(map, preferred);
                    else copy[k] = Canonical(v, preferred);
                }
                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(x => Canonical(x, preferred)).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private static JsonObject Pick(JsonObject map, string[] preferred)
    {
        foreach (var language in preferred)
        {
            var hit = map.FirstOrDefault(p => string.Equals(p.Key, language, StringComparison.OrdinalIgnoreCase) || p.Key.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase));
            if (hit.Key is not null) return new JsonObject { [hit.Key] = hit.Value?.DeepClone() };
        }
        var first = map.First();
        return new JsonObject { [first.Key] = first.Value?.DeepClone() };
    }

    private static string[] Preferred(string? acceptLanguage) =>
        (acceptLanguage ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(';')[0].Trim()).Where(p => p.Length > 0 && p != "*").ToArray();
}

/// <summary>
/// Signed statements (xAPI 2.0 4.2.7): the signature attachment is a JWS (RS256, RS384 or RS512) whose payload is
/// the statement itself; when it carries an `x5c` certificate the signature must verify with that certificate's key.
/// </summary>
internal static class SignedStatements
{
    public static void Verify(JsonObject statement, byte[] jws)
    {
        var parts = Encoding.ASCII.GetString(jws).Trim().Split('.');
        if (parts.Length != 3) throw XapiError.Invalid("Chữ ký của câu lệnh không phải JWS dạng compact.");
        JsonObject header, payload;
        try
        {
            header = JsonNode.Parse(Decode(parts[0]))!.AsObject();
            payload = JsonNode.Parse(Decode(parts[1]))!.AsObject();
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or NullReferenceException)
        {
            throw XapiError.Invalid("Chữ ký của câu lệnh không đọc được.");
        }
        var alg = header["alg"] is JsonValue a && a.TryGetValue<string>(out var name) ? name : null;
        var hash = alg switch
        {
            "RS256" => HashAlgorithmName.SHA256,
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => throw XapiError.Invalid("Chữ ký của câu lệnh phải dùng RS256, RS384 hoặc RS512."),
        };
        if (header["x5c"] is JsonArray { Count: > 0 } chain)
        {
            try
            {
                using var cert = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(chain[0]!.GetValue<string>()));
                using var rsa = cert.GetRSAPublicKey() ?? throw XapiError.Invalid("Chứng thư trong chữ ký không có khóa RSA.");
                if (!rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Decode(parts[2]), hash, RSASignaturePadding.Pkcs1))
                    throw XapiError.Invalid("Chữ ký của câu lệnh không đúng.");
            }
            catch (CryptographicException) { throw XapiError.Invalid("Chứng thư trong chữ ký không đọc được."); }
            catch (FormatException) { throw XapiError.Invalid("Chứng thư trong chữ ký không đọc được."); }
        }
        if (!JsonNode.DeepEquals(Comparable(payload, statement), Comparable(statement, payload)))
            throw XapiError.Invalid("Nội dung được ký khác với câu lệnh.");
    }

    private static JsonNode Comparable(JsonObject s, JsonObject other)
    {
        var copy = s.DeepClone().AsObject();
        foreach (var k in new[] { "attachments", "authority", "stored", "version" }) copy.Remove(k);
        if (other["id"] is null) copy.Remove("id");
        if (other["timestamp"] is null) copy.Remove("timestamp");
        StatementShape.Normalize(copy);
        StatementShape.TruncateDurations(copy);
        return Sorted(copy)!;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    private static byte[] Decode(string part)
    {
        var text = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(text.PadRight(text.Length + (4 - text.Length % 4) % 4, '='));
    }
}
