using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Vape.Coordination.Messages;
using Vape.Coordination.Realtime;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination;

/// <summary>What the coordination tests keep doing: find a channel, connect a person to the hub, post, wait for what arrives.</summary>
public sealed class CoordinationApi(VapeApp app)
{
    public OrganizationApi Organization { get; } = new(app);

    public Task<string> Token(string login) => Organization.Token(login);

    public async Task<JsonNode> Channels(string login)
    {
        var response = await app.GraphQL("{ channels(first: 100) { nodes { id kind name unitId version myRole unread { count mentions lastReadVersion } } } }", token: await Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["channels"]!["nodes"]!;
    }

    /// <summary>The channel of this kind of the unit with this code, as the login sees it.</summary>
    public async Task<Guid> ChannelId(string login, string unitCode, string kind)
    {
        var unitId = await Organization.UnitId(unitCode);
        var channel = (await Channels(login)).AsArray().SingleOrDefault(c => c!["unitId"]?.GetValue<string>() == unitId && c["kind"]!.GetValue<string>() == kind)
            ?? throw new InvalidOperationException($"{login} has no {kind} channel of {unitCode}");
        return Guid.Parse(channel["id"]!.GetValue<string>());
    }

    public async Task<Guid> PersonId(string login) => Guid.Parse(await Organization.PersonId(login));

    public async Task<GraphQLResponse> Mutate(string name, object input, string login, string selection = "id") =>
        await Organization.Mutate(name, input, login, selection);

    public async Task<Member> Connect(string login, bool messagePack = false)
    {
        var hub = app.Hub(CoordinationHub.Path, await Token(login), messagePack);
        var member = new Member(hub);
        await member.StartAsync();
        return member;
    }

    public async Task<GraphQLResponse> Query(string query, object variables, string login) => await app.GraphQL(query, variables, await Token(login));
}

/// <summary>A connected hub client and everything it hears, by kind, in order.</summary>
public sealed class Member : IAsyncDisposable
{
    private readonly Channel<ChannelEvent> _events = Channel.CreateUnbounded<ChannelEvent>();
    private readonly Channel<ReadReceipt> _receipts = Channel.CreateUnbounded<ReadReceipt>();
    private readonly Channel<Typing> _typing = Channel.CreateUnbounded<Typing>();
    private readonly Channel<Reminder> _reminders = Channel.CreateUnbounded<Reminder>();
    private readonly Channel<MembershipChange> _memberships = Channel.CreateUnbounded<MembershipChange>();
    private readonly Channel<PresenceChanged> _presence = Channel.CreateUnbounded<PresenceChanged>();

    public Member(HubConnection hub)
    {
        Hub = hub;
        hub.On<ChannelEvent>(CoordinationHub.Events.ChannelEvent, e => _events.Writer.TryWrite(e));
        hub.On<ReadReceipt>(CoordinationHub.Events.ReadReceipt, e => _receipts.Writer.TryWrite(e));
        hub.On<Typing>(CoordinationHub.Events.Typing, e => _typing.Writer.TryWrite(e));
        hub.On<Reminder>(CoordinationHub.Events.Reminder, e => _reminders.Writer.TryWrite(e));
        hub.On<MembershipChange>(CoordinationHub.Events.MembershipChanged, e => _memberships.Writer.TryWrite(e));
        hub.On<PresenceChanged>(CoordinationHub.Events.PresenceChanged, e => _presence.Writer.TryWrite(e));
    }

    public HubConnection Hub { get; }

    /// <summary>Connects; the first call returns once the server has finished welcoming the connection (groups, presence).</summary>
    public async Task<IReadOnlyList<ChannelState>> StartAsync()
    {
        await Hub.StartAsync();
        return await Hub.InvokeAsync<IReadOnlyList<ChannelState>>("Channels");
    }

    public ChannelReader<ChannelEvent> Events => _events.Reader;
    public ChannelReader<ReadReceipt> Receipts => _receipts.Reader;
    public ChannelReader<Typing> TypingEvents => _typing.Reader;
    public ChannelReader<Reminder> Reminders => _reminders.Reader;
    public ChannelReader<MembershipChange> Memberships => _memberships.Reader;
    public ChannelReader<PresenceChanged> Presence => _presence.Reader;

    public Task<MessageView> Post(Guid channelId, string body, Guid? messageId = null, Guid? threadRootId = null, string? priority = null,
        IReadOnlyList<Guid>? mentions = null, bool mentionsChannel = false) =>
        Hub.InvokeAsync<MessageView>("Post", new PostRequest(channelId, messageId ?? Guid.CreateVersion7(), body, threadRootId, priority, mentions, mentionsChannel));

    /// <summary>The next thing of this kind the client hears (a generous safety limit, not a timing assertion).</summary>
    public static async Task<T> Next<T>(ChannelReader<T> reader)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadAsync(wait.Token);
    }

    /// <summary>Reads until the event with this version of the channel arrives; returns everything read on the way.</summary>
    public async Task<List<ChannelEvent>> UntilVersion(Guid channelId, long version)
    {
        var seen = new List<ChannelEvent>();
        while (true)
        {
            var e = await Next(Events);
            seen.Add(e);
            if (e.ChannelId == channelId && e.Version >= version) return seen;
        }
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}

/// <summary>The "CODE: message" of a refused hub call.</summary>
public static class HubCalls
{
    public static async Task<string> Refused(Func<Task> call)
    {
        var e = await Should.ThrowAsync<HubException>(call);
        // The client may put "An unexpected error occurred invoking 'X' on the server. HubException: " before it.
        var match = System.Text.RegularExpressions.Regex.Match(e.Message, @"\b([A-Z][A-Z_]+): ");
        match.Success.ShouldBeTrue(e.Message);
        return match.Groups[1].Value;
    }
}
