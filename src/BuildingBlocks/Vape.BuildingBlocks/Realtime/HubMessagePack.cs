using System.Buffers;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;
using Vape.BuildingBlocks.Hosting;

namespace Vape.BuildingBlocks.Realtime;

/// <summary>
/// The hubs' MessagePack contract is their JSON contract (ADR 0071): every argument, push and result is written by
/// System.Text.Json with <see cref="VapeJson.Hub"/> (camelCase names, enums as their GraphQL names, times as ISO
/// strings, ids as strings) and the JSON value is then carried in MessagePack's types (maps, arrays, strings, numbers,
/// booleans, nil). Reading goes the other way, so `{channelId, version}` binds as it does over JSON. A .NET client
/// uses the same options: <c>AddMessagePackProtocol(o => o.SerializerOptions = HubMessagePack.Options)</c>.
/// </summary>
internal static class HubMessagePack
{
    /// <summary>Deeper values than this are refused as bad input (the JSON protocol's own limit is 64 as well).</summary>
    public const int MaxDepth = 64;

    public static readonly MessagePackSerializerOptions Options =
        MessagePackSerializerOptions.Standard.WithResolver(JsonBridgeResolver.Instance).WithSecurity(MessagePackSecurity.UntrustedData);

    private sealed class JsonBridgeResolver : IFormatterResolver
    {
        public static readonly JsonBridgeResolver Instance = new();

        public IMessagePackFormatter<T> GetFormatter<T>() => JsonBridgeFormatter<T>.Instance;
    }

    private sealed class JsonBridgeFormatter<T> : IMessagePackFormatter<T>
    {
        public static readonly JsonBridgeFormatter<T> Instance = new();

        public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNil();
                return;
            }
            using var json = JsonSerializer.SerializeToDocument(value, value.GetType(), VapeJson.Hub);
            Write(ref writer, json.RootElement);
        }

        public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = VapeJson.Encoder, SkipValidation = true }))
                Read(ref reader, json, 0);
            return JsonSerializer.Deserialize<T>(buffer.WrittenSpan, VapeJson.Hub)!;
        }
    }

    private static void Write(ref MessagePackWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var _ in value.EnumerateObject()) count++;
                writer.WriteMapHeader(count);
                foreach (var property in value.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }
                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(value.GetArrayLength());
                foreach (var item in value.EnumerateArray()) Write(ref writer, item);
                break;
            case JsonValueKind.String:
                writer.Write(value.GetString());
                break;
            case JsonValueKind.Number:
                if (value.TryGetInt64(out var whole)) writer.Write(whole);
                else if (value.TryGetUInt64(out var large)) writer.Write(large);
                else writer.Write(value.GetDouble());
                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    private static void Read(ref MessagePackReader reader, Utf8JsonWriter json, int depth)
    {
        if (depth > MaxDepth) throw new MessagePackSerializationException($"Deeper than {MaxDepth} levels.");
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                var properties = reader.ReadMapHeader();
                json.WriteStartObject();
                for (var i = 0; i < properties; i++)
                {
                    json.WritePropertyName(reader.NextMessagePackType switch
                    {
                        MessagePackType.String => reader.ReadString() ?? "",
                        MessagePackType.Integer => reader.ReadInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                        _ => throw new MessagePackSerializationException("A map's keys are strings."),
                    });
                    Read(ref reader, json, depth + 1);
                }
                json.WriteEndObject();
                break;
            case MessagePackType.Array:
                var items = reader.ReadArrayHeader();
                json.WriteStartArray();
                for (var i = 0; i < items; i++) Read(ref reader, json, depth + 1);
                json.WriteEndArray();
                break;
            case MessagePackType.String:
                json.WriteStringValue(reader.ReadString());
                break;
            case MessagePackType.Integer:
                if (reader.NextCode == MessagePackCode.UInt64) json.WriteNumberValue(reader.ReadUInt64());
                else json.WriteNumberValue(reader.ReadInt64());
                break;
            case MessagePackType.Float:
                json.WriteNumberValue(reader.ReadDouble());
                break;
            case MessagePackType.Boolean:
                json.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Nil:
                reader.ReadNil();
                json.WriteNullValue();
                break;
            case MessagePackType.Binary:
                json.WriteBase64StringValue(reader.ReadBytes()!.Value.ToArray());
                break;
            case MessagePackType.Extension:
                // A JavaScript Date arrives as MessagePack's timestamp: the ISO string a JSON client would send.
                var header = reader.ReadExtensionFormatHeader();
                if (header.TypeCode != ReservedMessagePackExtensionTypeCode.DateTime)
                    throw new MessagePackSerializationException("Only the timestamp extension is read.");
                json.WriteStringValue(new DateTimeOffset(reader.ReadDateTime(header)));
                break;
            default:
                throw new MessagePackSerializationException("Unknown MessagePack type.");
        }
    }
}
