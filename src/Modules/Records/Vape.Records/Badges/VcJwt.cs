using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Vape.Records.Badges;

/// <summary>What a credential says it is for (its achievement), in Vietnamese, without anything about the person.</summary>
internal sealed record BadgeAchievement(string Type, string Name, string Description, string Criteria);

/// <summary>
/// The shapes Vape signs (docs/adr/0191): an OpenBadgeCredential (VC Data Model 2.0, OB 3.0.3 context) and a unit's
/// BitstringStatusListCredential, each the payload of a compact JWS (`typ: vc+jwt`, `alg: EdDSA`, `kid` the unit's key
/// in its `did:web` document). Pure: the signature is the caller's.
/// </summary>
internal static class VcJwt
{
    public const string VcContext = "https://www.w3.org/ns/credentials/v2";
    public const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public const string Type = "vc+jwt";

    /// <summary>Bits in one status list: 16 KB, the spec's minimum, so a list says little about how many were issued.</summary>
    public const int ListSize = 131_072;

    /// <summary>`did:web:host%3Aport:units:{unit}`: resolved at `{origin}/units/{unit}/did.json` (did:web's path-based form).</summary>
    public static string Did(string origin, Guid unitId) => $"did:web:{Uri.EscapeDataString(new Uri(origin).Authority)}:units:{unitId}";

    public static string KeyId(string origin, Guid unitId, int n) => $"{Did(origin, unitId)}#key-{n}";

    public static string StatusListUrl(string origin, Guid unitId, int list) => $"{origin}/units/{unitId}/status/{list}";

    /// <summary>The unit and key number a `kid` of this origin names; null for anything else (another issuer, another host).</summary>
    public static (Guid Unit, int N)? ParseKeyId(string origin, string? kid)
    {
        var prefix = $"did:web:{Uri.EscapeDataString(new Uri(origin).Authority)}:units:";
        if (kid is null || !kid.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var rest = kid[prefix.Length..].Split("#key-");
        return rest.Length == 2 && Guid.TryParse(rest[0], out var unit) && int.TryParse(rest[1], out var n) && n > 0 ? (unit, n) : null;
    }

    public static JsonObject Credential(string origin, Guid badgeId, Guid unitId, string unitName, Guid subjectId, string? identityHash, string salt,
        BadgeAchievement achievement, int statusIndex, DateTimeOffset validFrom)
    {
        var list = statusIndex / ListSize + 1;
        var statusUrl = StatusListUrl(origin, unitId, list);
        var subject = new JsonObject
        {
            ["id"] = $"urn:uuid:{subjectId}",
            ["type"] = new JsonArray("AchievementSubject"),
            ["achievement"] = new JsonObject
            {
                ["id"] = $"urn:uuid:{badgeId}#achievement",
                ["type"] = new JsonArray("Achievement"),
                ["achievementType"] = achievement.Type,
                ["name"] = achievement.Name,
                ["description"] = achievement.Description,
                ["criteria"] = new JsonObject { ["narrative"] = achievement.Criteria },
                ["inLanguage"] = "vi",
            },
        };
        if (identityHash is not null)
            subject["identifier"] = new JsonArray(new JsonObject
            {
                ["type"] = "IdentityObject", ["identityHash"] = identityHash, ["identityType"] = "name", ["hashed"] = true, ["salt"] = salt,
            });
        return new JsonObject
        {
            ["@context"] = new JsonArray(VcContext, ObContext),
            ["id"] = $"urn:uuid:{badgeId}",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = Did(origin, unitId), ["type"] = new JsonArray("Profile"), ["name"] = unitName },
            ["validFrom"] = Time(validFrom),
            ["name"] = achievement.Name,
            ["credentialSubject"] = subject,
            ["credentialStatus"] = new JsonObject
            {
                ["id"] = $"{statusUrl}#{statusIndex % ListSize}",
                ["type"] = "BitstringStatusListEntry",
                ["statusPurpose"] = "revocation",
                ["statusListIndex"] = (statusIndex % ListSize).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["statusListCredential"] = statusUrl,
            },
        };
    }

    /// <summary>A unit's status list: bit `i` (the first byte's highest bit is 0) set when the credential at `i` is revoked.</summary>
    public static JsonObject StatusList(string origin, Guid unitId, int list, IEnumerable<int> revoked, DateTimeOffset validFrom)
    {
        var bits = new byte[ListSize / 8];
        foreach (var index in revoked) bits[index / 8] |= (byte)(0x80 >> (index % 8));
        var url = StatusListUrl(origin, unitId, list);
        return new JsonObject
        {
            ["@context"] = new JsonArray(VcContext),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = Did(origin, unitId),
            ["validFrom"] = Time(validFrom),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = $"{url}#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = "revocation",
                ["encodedList"] = "u" + WebEncoders.Base64UrlEncode(Gzip(bits)),
            },
        };
    }

    /// <summary>Whether bit `index` of a list's `encodedList` is set (multibase base64url of the gzipped bits).</summary>
    public static bool IsSet(string encodedList, int index)
    {
        if (!encodedList.StartsWith('u')) throw new FormatException("encodedList is not multibase base64url");
        using var gz = new GZipStream(new MemoryStream(WebEncoders.Base64UrlDecode(encodedList[1..])), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        gz.CopyTo(bits);
        var bytes = bits.ToArray();
        return index / 8 < bytes.Length && (bytes[index / 8] & (0x80 >> (index % 8))) != 0;
    }

    /// <summary>The salted hash of a name as OB 3.0's IdentityObject has it: `sha256$` and the hex of SHA-256(name + salt).</summary>
    public static string IdentityHash(string name, string salt) =>
        "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim().Normalize(NormalizationForm.FormC) + salt)));

    /// <summary>The header and payload, base64url, joined by a dot: what the key signs.</summary>
    public static string SigningInput(string kid, JsonObject payload)
    {
        var header = new JsonObject { ["alg"] = "EdDSA", ["kid"] = kid, ["typ"] = Type };
        return Encode(header) + "." + Encode(payload);
    }

    public static string Compact(string signingInput, byte[] signature) => signingInput + "." + WebEncoders.Base64UrlEncode(signature);

    /// <summary>A compact JWS taken apart: its header and payload as JSON, what was signed and the signature; null when it is not one.</summary>
    public static (JsonObject Header, JsonObject Payload, byte[] SigningInput, byte[] Signature)? Parse(string jws)
    {
        var parts = jws.Trim().Split('.');
        if (parts.Length != 3) return null;
        try
        {
            var header = JsonNode.Parse(WebEncoders.Base64UrlDecode(parts[0])) as JsonObject;
            var payload = JsonNode.Parse(WebEncoders.Base64UrlDecode(parts[1])) as JsonObject;
            if (header is null || payload is null) return null;
            return (header, payload, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), WebEncoders.Base64UrlDecode(parts[2]));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The unit's DID document: every key it ever signed with, as a JsonWebKey (OKP, Ed25519).</summary>
    public static JsonObject DidDocument(string origin, Guid unitId, IEnumerable<UnitPublicKey> keys)
    {
        var did = Did(origin, unitId);
        var methods = new JsonArray();
        var ids = new JsonArray();
        foreach (var key in keys)
        {
            var id = $"{did}#key-{key.N}";
            methods.Add(new JsonObject { ["id"] = id, ["type"] = "JsonWebKey", ["controller"] = did, ["publicKeyJwk"] = Jwk(key, id) });
            ids.Add(id);
        }
        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"),
            ["id"] = did,
            ["verificationMethod"] = methods,
            ["assertionMethod"] = ids,
        };
    }

    public static JsonObject Jwks(string origin, Guid unitId, IEnumerable<UnitPublicKey> keys) =>
        new() { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)Jwk(k, KeyId(origin, unitId, k.N))).ToArray()) };

    private static JsonObject Jwk(UnitPublicKey key, string kid) =>
        new() { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = WebEncoders.Base64UrlEncode(key.PublicKey), ["kid"] = kid, ["alg"] = "EdDSA", ["use"] = "sig" };

    private static string Encode(JsonObject value) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(value.ToJsonString()));

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.SmallestSize)) gz.Write(data);
        return output.ToArray();
    }
}
