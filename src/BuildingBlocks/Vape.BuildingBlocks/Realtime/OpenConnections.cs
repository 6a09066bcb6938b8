using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Auth;

namespace Vape.BuildingBlocks.Realtime;

/// <summary>
/// This host's open hub connections, by person, on every hub. A connection lives on one host, so the list of
/// them may too (it is not state that matters elsewhere). The module that owns people closes the connections of
/// someone who is no longer who their token said (ADR 0106): <see cref="CloseWhereAsync"/>.
/// </summary>
public sealed class OpenConnections : IHubFilter
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> _byPerson = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (context.Context.User.PersonId() is Guid person)
            _byPerson.GetOrAdd(person, _ => new()).TryAdd(context.Context.ConnectionId, context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.User.PersonId() is Guid person && _byPerson.TryGetValue(person, out var open))
        {
            open.TryRemove(context.Context.ConnectionId, out _);
            if (open.IsEmpty) _byPerson.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<string, HubCallerContext>>(person, open));
        }
        await next(context, exception);
    }

    /// <summary>The people with a connection open on this host now.</summary>
    public IReadOnlyCollection<Guid> People => _byPerson.Keys.ToArray();

    /// <summary>Closes this host's connections of the person whose signed-in user no longer passes the check; returns how many.</summary>
    public async Task<int> CloseWhereAsync(Guid person, Func<ClaimsPrincipal, Task<bool>> stillValid)
    {
        if (!_byPerson.TryGetValue(person, out var open)) return 0;
        var closed = 0;
        foreach (var connection in open.Values)
        {
            if (connection.User is { } user && await stillValid(user)) continue;
            connection.Abort();
            closed++;
        }
        return closed;
    }
}
