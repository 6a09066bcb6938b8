using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Vape.BuildingBlocks.Hosting;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>
/// In front of GraphQL, per client (the same client the cost budget charges: a person, a signed-in subject or an
/// address; ADR 0163): at most <c>Vape:GraphQL:MaxInFlightPerClient</c> of its requests in flight on this host (more are
/// refused at once, TOO_MANY_IN_FLIGHT), and a client whose minute is spent waits for its refusal
/// (<c>Vape:GraphQL:RefusalHoldMilliseconds</c>, at most until its minute ends): a flood then costs the flooder time, not
/// the server's CPU. Both only ever concern the client itself; the budget's shared count stays the truth.
/// </summary>
internal sealed class ClientGate(IOptions<GraphQLLimitsOptions> limits)
{
    private readonly int _maxInFlight = limits.Value.MaxInFlightPerClient;
    private readonly double _holdSeconds = limits.Value.RefusalHoldMilliseconds / 1000.0;

    /// <summary>Requests in flight on this host by client; a client with none has no entry.</summary>
    private readonly ConcurrentDictionary<string, int> _inFlight = new();

    public int MaxInFlight => _maxInFlight;

    /// <summary>The message of a refusal over the cap (Vietnamese, saying what to do).</summary>
    public string Refusal => $"Bạn đang có {_maxInFlight} yêu cầu chưa được trả lời; hãy chờ chúng xong rồi gửi tiếp.";

    /// <summary>A place for one more request of this client, released when disposed; null when the client has its cap in flight.</summary>
    public IDisposable? Enter(HttpContext http)
    {
        var client = CostBudget.ClientOf(http);
        while (true)
        {
            if (_inFlight.TryGetValue(client, out var count))
            {
                if (count >= _maxInFlight) return null;
                if (_inFlight.TryUpdate(client, count + 1, count)) return new Place(this, client);
            }
            else if (_inFlight.TryAdd(client, 1)) return new Place(this, client);
        }
    }

    private void Leave(string client)
    {
        while (true)
        {
            var count = _inFlight[client];
            // The last one out removes the entry, only if no one entered meanwhile (a compare on the value).
            if (count == 1 ? _inFlight.TryRemove(KeyValuePair.Create(client, 1)) : _inFlight.TryUpdate(client, count - 1, count)) return;
        }
    }

    /// <summary>
    /// Holds a spent client's refusal for a moment (a timer, no thread), never past the end of its minute, and returns it
    /// with the seconds left after the moment; null when the client went away meanwhile (nothing to answer).
    /// </summary>
    public async Task<RequestCost?> HoldAsync(RequestCost refusal, CancellationToken ct)
    {
        var held = Math.Min(_holdSeconds, refusal.ResetInSeconds);
        if (held <= 0) return refusal;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(held), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        return refusal with { ResetInSeconds = Math.Max(1, (int)Math.Ceiling(refusal.ResetInSeconds - held)) };
    }

    private sealed class Place(ClientGate gate, string client) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) gate.Leave(client);
        }
    }
}
