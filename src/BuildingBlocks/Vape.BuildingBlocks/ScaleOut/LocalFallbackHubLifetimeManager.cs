using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Vape.BuildingBlocks.ScaleOut;

/// <summary>
/// The Redis backplane delivers every broadcast through Redis, even to the connections of the host that sends
/// it; while Redis is away, a broadcast would reach no one. This manager keeps its own list of this host's
/// connections and groups and, while Redis is unreachable (or a publish fails), delivers to them directly.
/// Connections on other hosts miss those messages and recover them by version when Redis returns (ADR 0050).
/// Everything else (joining groups, client results) is the Redis manager's.
/// </summary>
public sealed class LocalFallbackHubLifetimeManager<THub>(
    RedisHubLifetimeManager<THub> redis,
    SharedRedis shared,
    ILogger<LocalFallbackHubLifetimeManager<THub>> logger) : HubLifetimeManager<THub>
    where THub : Hub
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> _connections = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _groups = new();

    /// <summary>The groups of each connection, so that a disconnect visits its own groups, not every group of the host.</summary>
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _groupsOf = new();

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await redis.OnConnectedAsync(connection);
        _connections[connection.ConnectionId] = connection;
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _connections.TryRemove(connection.ConnectionId, out _);
        if (_groupsOf.TryRemove(connection.ConnectionId, out var joined))
            foreach (var name in joined.Keys) Leave(connection.ConnectionId, name);
        await redis.OnDisconnectedAsync(connection);
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken ct = default)
    {
        await redis.AddToGroupAsync(connectionId, groupName, ct);
        if (_connections.ContainsKey(connectionId))
        {
            _groups.GetOrAdd(groupName, _ => new())[connectionId] = 0;
            _groupsOf.GetOrAdd(connectionId, _ => new())[groupName] = 0;
        }
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken ct = default)
    {
        if (_groupsOf.TryGetValue(connectionId, out var joined)) joined.TryRemove(groupName, out _);
        Leave(connectionId, groupName);
        await redis.RemoveFromGroupAsync(connectionId, groupName, ct);
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken ct = default) =>
        Send(() => redis.SendAllAsync(methodName, args, ct), _connections.Values, methodName, args, ct);

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken ct = default) =>
        Send(() => redis.SendAllExceptAsync(methodName, args, excludedConnectionIds, ct),
            _connections.Values.Where(c => !excludedConnectionIds.Contains(c.ConnectionId)), methodName, args, ct);

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken ct = default) =>
        Send(() => redis.SendConnectionAsync(connectionId, methodName, args, ct), Connections([connectionId]), methodName, args, ct);

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken ct = default) =>
        Send(() => redis.SendConnectionsAsync(connectionIds, methodName, args, ct), Connections(connectionIds), methodName, args, ct);

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken ct = default) =>
        Send(() => redis.SendGroupAsync(groupName, methodName, args, ct), Connections(Members([groupName])), methodName, args, ct);

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken ct = default) =>
        Send(() => redis.SendGroupsAsync(groupNames, methodName, args, ct), Connections(Members(groupNames)), methodName, args, ct);

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken ct = default) =>
        Send(() => redis.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, ct),
            Connections(Members([groupName]).Except(excludedConnectionIds)), methodName, args, ct);

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken ct = default) =>
        Send(() => redis.SendUserAsync(userId, methodName, args, ct), _connections.Values.Where(c => c.UserIdentifier == userId), methodName, args, ct);

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken ct = default) =>
        Send(() => redis.SendUsersAsync(userIds, methodName, args, ct),
            _connections.Values.Where(c => c.UserIdentifier is { } user && userIds.Contains(user)), methodName, args, ct);

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken ct) =>
        redis.InvokeConnectionAsync<T>(connectionId, methodName, args, ct);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        redis.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, out Type type) => redis.TryGetReturnType(invocationId, out type!);

    private void Leave(string connectionId, string groupName)
    {
        if (_groups.TryGetValue(groupName, out var members) && members.TryRemove(connectionId, out _) && members.IsEmpty)
            _groups.TryRemove(KeyValuePair.Create(groupName, members));
    }

    private IEnumerable<string> Members(IEnumerable<string> groupNames) =>
        groupNames.SelectMany(g => _groups.TryGetValue(g, out var members) ? members.Keys : []).Distinct();

    private IEnumerable<HubConnectionContext> Connections(IEnumerable<string> connectionIds) =>
        connectionIds.Select(id => _connections.GetValueOrDefault(id)).OfType<HubConnectionContext>();

    /// <summary>Through Redis while it is there; otherwise straight to this host's own connections.</summary>
    private async Task Send(Func<Task> throughRedis, IEnumerable<HubConnectionContext> local, string methodName, object?[] args, CancellationToken ct)
    {
        if ((await shared.ConnectAsync()).IsConnected)
        {
            try
            {
                await throughRedis();
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning("Redis did not take a broadcast ({Method}); delivering to this host's connections only", methodName);
            }
        }
        // Serialized once per protocol, not once per connection; every write started before any is awaited, so a
        // slow connection holds up only itself (as SignalR's own manager does).
        var message = new SerializedHubMessage(new InvocationMessage(methodName, args));
        var writes = new List<Task>();
        foreach (var connection in local)
        {
            var write = connection.WriteAsync(message, ct);
            if (!write.IsCompletedSuccessfully) writes.Add(write.AsTask());
        }
        await Task.WhenAll(writes);
    }
}
