using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Vape.Classes.Classroom;
using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>What a client hears: the version, the event's name and its data.</summary>
public sealed record HeardEvent(Guid SessionId, long Version, string Type, DateTimeOffset At, JsonElement Data);

/// <summary>One device in a classroom, through the real SignalR .NET client.</summary>
public sealed class ClassroomClient : IAsyncDisposable
{
    private readonly Channel<HeardEvent> _heard = Channel.CreateUnbounded<HeardEvent>();

    private ClassroomClient(HubConnection hub) => Hub = hub;

    public HubConnection Hub { get; }

    public static async Task<ClassroomClient> Connect(VapeApp app, string? token, bool messagePack = false)
    {
        var client = new ClassroomClient(app.Hub("/hubs/classroom", token, messagePack));
        client.Hub.On<HeardEvent>("classroomEvent", e => client._heard.Writer.TryWrite(e));
        await client.Hub.StartAsync();
        return client;
    }

    public Task<ClassroomSnapshot> Join(string sessionId) => Call<ClassroomSnapshot>("Join", Guid.Parse(sessionId));

    /// <summary>Joins without reading the snapshot (as a MessagePack client that only calls).</summary>
    public Task<object> Enter(string sessionId) => Call<object>("Join", Guid.Parse(sessionId));

    /// <summary>Calls a hub method; waits and retries when the connection's own rate limit says so (the limit has its own test).</summary>
    public async Task<T> Call<T>(string method, params object?[] args)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await Hub.InvokeCoreAsync<T>(method, args);
            }
            catch (HubException e) when (e.Message.Contains("RATE_LIMITED") && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }

    public Task<long> Do(string method, params object?[] args) => Call<long>(method, args);

    /// <summary>The hub error code of a call that must fail.</summary>
    public async Task<string> Fails(string method, params object?[] args)
    {
        var e = await Should.ThrowAsync<HubException>(() => Call<object>(method, args));
        return Code(e);
    }

    /// <summary>The error code a hub error carries.</summary>
    public static string Code(HubException e) => System.Text.RegularExpressions.Regex.Match(e.Message, @"\b([A-Z]{2,}(?:_[A-Z]+)*): ").Groups[1].Value;

    /// <summary>The next event of this type (earlier ones of other types are skipped).</summary>
    public async Task<HeardEvent> Next(string type)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var e = await _heard.Reader.ReadAsync(guard.Token);
            if (e.Type == type) return e;
        }
    }

    /// <summary>Everything heard so far, without waiting.</summary>
    public List<HeardEvent> Drain()
    {
        var list = new List<HeardEvent>();
        while (_heard.Reader.TryRead(out var e)) list.Add(e);
        return list;
    }

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();
}
