using System.Security.Cryptography;
using System.Text;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Vape.BuildingBlocks.Modules;

namespace Vape.BuildingBlocks.Storage;

/// <summary>
/// The event streams of one module in the shared event store, and the only way a module reaches them. A stream's id
/// is derived from the module's name and the key the module gives it (<see cref="StreamIds.Of"/>): Organization's
/// stream of person P and Records' stream of person P are two streams that can never meet, whatever ids the modules
/// choose. Only events of the module's own assemblies may be written (docs/adr/0062).
/// </summary>
public static class ModuleStreams<TModule> where TModule : VapeModule, new()
{
    public static string Module { get; } = new TModule().Name;

    private static readonly string OwnAssembly = typeof(TModule).Assembly.GetName().Name!;

    /// <summary>The stream id of the module's stream with this key.</summary>
    public static Guid Id(Guid key) => StreamIds.Of(Module, key);

    public static void Start(IDocumentSession session, Guid key, params object[] events)
    {
        Own(events);
        session.Events.StartStream(Id(key), events);
    }

    public static void Append(IDocumentSession session, Guid key, params object[] events)
    {
        Own(events);
        session.Events.Append(Id(key), events);
    }

    /// <summary>Appends so that the stream's version afterwards is <paramref name="versionAfter"/>, as Marten's own overload.</summary>
    public static void Append(IDocumentSession session, Guid key, long versionAfter, params object[] events)
    {
        Own(events);
        session.Events.Append(Id(key), versionAfter, events);
    }

    public static async Task<IReadOnlyList<IEvent>> FetchAsync(IQuerySession session, Guid key, long fromVersion, CancellationToken ct) =>
        await session.Events.FetchStreamAsync(Id(key), fromVersion: fromVersion, token: ct);

    public static Task<StreamState?> StateAsync(IQuerySession session, Guid key, CancellationToken ct) =>
        session.Events.FetchStreamStateAsync(Id(key), ct);

    /// <summary>Every event of the module, in the order of the store (for rebuilding a read side): never another module's.</summary>
    public static IQueryable<IEvent> AllEvents(IQuerySession session, IReadOnlyCollection<Type> eventTypes)
    {
        foreach (var type in eventTypes) Own(type);
        return session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(eventTypes.ToArray()));
    }

    private static void Own(object[] events)
    {
        foreach (var e in events) Own(e.GetType());
    }

    /// <summary>An event type of the module's runtime assembly or of its contracts (`Vape.X` and `Vape.X.Contracts`).</summary>
    private static void Own(Type type)
    {
        var assembly = type.Assembly.GetName().Name;
        if (assembly != OwnAssembly && assembly != OwnAssembly + ".Contracts")
            throw new InvalidOperationException($"The {Module} module may not write or read {type.Name} of {assembly} in its streams.");
    }
}

/// <summary>Stream ids as name-based UUIDs (RFC 9562, version 5) of a module's name and a key.</summary>
internal static class StreamIds
{
    /// <summary>Vape's namespace for stream ids: fixed forever, since every stored stream id depends on it.</summary>
    private static readonly Guid Namespace = new("8f67211b-b1e3-4dd2-9402-eccaf3898635");

    public static Guid Of(string module, Guid key) => NameBased(Namespace, $"{module}/{key:D}");

    public static Guid NameBased(Guid ns, string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        ns.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(bytes, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
