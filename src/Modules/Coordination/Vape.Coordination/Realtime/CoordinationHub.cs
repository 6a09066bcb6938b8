using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Realtime;
using Vape.Coordination.Channels;
using Vape.Coordination.Messages;
using Wolverine;

namespace Vape.Coordination.Realtime;

/// <summary>What a client sends to post: it chooses the message id, so that a resend never duplicates.</summary>
public sealed record PostRequest(Guid ChannelId, Guid MessageId, string? Body, Guid? ThreadRootId = null, string? Priority = null,
    IReadOnlyList<Guid>? Mentions = null, bool MentionsChannel = false, IReadOnlyList<Guid>? Attachments = null);

/// <summary>The last version a client holds of a channel.</summary>
public sealed record ChannelPosition(Guid ChannelId, long Version);

/// <summary>What a client missed in a channel: every change after its version, in order. `Complete` false: reload the channel.</summary>
public sealed record CatchUpResult(Guid ChannelId, long Version, IReadOnlyList<ChannelEvent> Events, bool Complete);

/// <summary>One of the caller's channels, as `Channels` lists it.</summary>
public sealed record ChannelState(Guid ChannelId, string Kind, string Name, long Version, string Role, long LastReadVersion, int Unread, int Mentions,
    bool Archived = false, Guid? SuccessorChannelId = null);

public sealed record Typing(Guid ChannelId, Guid PersonId, long Version);

public sealed record PresenceChanged(Guid PersonId, string Status);

/// <summary>
/// `/hubs/coordination` (see docs/coordination.md). A signed-in person's connection joins the groups of their
/// channels and `user:{personId}`; everything a channel's members receive was committed before it was sent
/// (handlers of the durable outbox push it) and carries the channel's version.
/// </summary>
[Authorize(Policy = VapePolicies.Person)]
public sealed class CoordinationHub(IMessageBus bus, Posting posting, ChannelStore channels, MessageStore messages, PresenceStore presence,
    UnitChannelDirectory directory, CoordinationSettings settings) : Hub
{
    public const string Path = "/hubs/coordination";
    public const int MaxCatchUpChannels = 500;

    private Guid Me => Context.User.PersonId() ?? throw HubErrors.Create(ErrorCodes.NotAuthenticated, "Cần đăng nhập.");

    public override async Task OnConnectedAsync()
    {
        var me = Me;
        var ct = Context.ConnectionAborted;
        await directory.EnsureForAsync(me, ct);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.User(me), ct);
        foreach (var channel in await channels.ChannelIdsOfAsync(me, ct))
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Channel(channel), ct);
        var (before, after) = await presence.ConnectedAsync(Context.ConnectionId, me, ct);
        if (before != after) await AnnouncePresenceAsync(me, after, ct);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.User.PersonId() is Guid me)
        {
            var (before, after) = await presence.DisconnectedAsync(Context.ConnectionId, me, CancellationToken.None);
            if (before != after) await AnnouncePresenceAsync(me, after, CancellationToken.None);
        }
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The caller's channels with their versions and read state: what to catch up on after a reconnect.</summary>
    public Task<IReadOnlyList<ChannelState>> Channels() => Run<IReadOnlyList<ChannelState>>(async me =>
        [.. (await channels.ChannelsOfAsync(me, Context.ConnectionAborted)).Select(c =>
            new ChannelState(c.Channel.Id, c.Channel.Kind, c.Channel.Name, c.Channel.Version, c.Role, c.LastReadVersion, c.Unread, c.Mentions,
            c.Channel.Archived, c.Channel.SuccessorChannelId))]);

    public Task<MessageView> Post(PostRequest request) => Run(me => posting.PostAsync(new PostMessage(request.ChannelId, request.MessageId,
        request.Body, request.ThreadRootId, request.Priority, request.Mentions, request.MentionsChannel, me, request.Attachments), Context.ConnectionAborted));

    public Task<MessageView> Edit(Guid messageId, string? body) =>
        Run(me => bus.InvokeAsync<MessageView>(new EditMessage(messageId, body, me), Context.ConnectionAborted));

    public Task<MessageView> Delete(Guid messageId) =>
        Run(me => bus.InvokeAsync<MessageView>(new DeleteMessage(messageId, me), Context.ConnectionAborted));

    public Task<MessageView> React(Guid messageId, string? emoji, bool add) =>
        Run(me => bus.InvokeAsync<MessageView>(new ReactToMessage(messageId, emoji, add, me), Context.ConnectionAborted));

    public Task<MessageView> Pin(Guid messageId, bool pinned) =>
        Run(me => bus.InvokeAsync<MessageView>(new PinMessage(messageId, pinned, me), Context.ConnectionAborted));

    public Task<MessageView> Acknowledge(Guid messageId) =>
        Run(me => bus.InvokeAsync<MessageView>(new AcknowledgeMessage(messageId, me), Context.ConnectionAborted));

    public Task<ReadState> MarkRead(Guid channelId, Guid? upToMessageId) =>
        Run(me => bus.InvokeAsync<ReadState>(new MarkChannelRead(channelId, upToMessageId, me), Context.ConnectionAborted));

    /// <summary>Tells the other members that the caller is typing; nothing is stored.</summary>
    public Task Typing(Guid channelId) => Run(async me =>
    {
        var mine = await channels.DemandMemberAsync(channelId, me, Context.ConnectionAborted);
        mine.Channel.DemandOpen();
        await Clients.OthersInGroup(HubGroups.Channel(channelId)).SendAsync(Events.Typing, new Typing(channelId, me, mine.Channel.Version), Context.ConnectionAborted);
        return true;
    });

    /// <summary>
    /// After a reconnect (to any host): for each channel the last version the client holds, every change since,
    /// in order, with the messages as they are now (edits and deletions of messages it already had included).
    /// A version the channel has not reached is VERSION_CONFLICT.
    /// </summary>
    public Task<IReadOnlyList<CatchUpResult>> CatchUp(IReadOnlyList<ChannelPosition> positions) => Run<IReadOnlyList<CatchUpResult>>(async me =>
    {
        var ct = Context.ConnectionAborted;
        if (positions is null || positions.Count == 0) throw VapeException.InvalidInput("Hãy gửi phiên bản cuối cùng của ít nhất một kênh.");
        if (positions.Count > MaxCatchUpChannels) throw VapeException.InvalidInput($"Tối đa {MaxCatchUpChannels} kênh mỗi lần.");
        if (positions.Select(p => p.ChannelId).Distinct().Count() != positions.Count) throw VapeException.InvalidInput("Mỗi kênh chỉ gửi một lần.");
        var results = new List<CatchUpResult>();
        foreach (var position in positions)
        {
            if (position.Version < 0) throw VapeException.InvalidInput("Phiên bản không được âm.");
            var mine = await channels.DemandMemberAsync(position.ChannelId, me, ct);
            if (position.Version > mine.Channel.Version)
                throw VapeException.VersionConflict(
                    $"Kênh mới ở phiên bản {mine.Channel.Version}, không có phiên bản {position.Version}; hãy tải lại kênh.");
            // Joined after the connection was opened: hear what follows, too.
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Channel(position.ChannelId), ct);
            var events = await messages.EventsAfterAsync(position.ChannelId, position.Version, settings.MaxCatchUp + 1, ct);
            var complete = events.Count <= settings.MaxCatchUp;
            if (!complete) events.RemoveAt(events.Count - 1);
            results.Add(new CatchUpResult(position.ChannelId, events.Count > 0 ? events[^1].Version : position.Version, events, complete));
        }
        return results;
    });

    /// <summary>ONLINE or AWAY for this connection (the person is online while one of their connections is).</summary>
    public Task<string> SetPresence(string status) => Run(async me =>
    {
        var value = (status ?? "").Trim().ToUpperInvariant();
        if (value is not (PresenceStatus.Online or PresenceStatus.Away)) throw VapeException.InvalidInput("Trạng thái phải là ONLINE hoặc AWAY.");
        var (before, after) = await presence.SetAsync(Context.ConnectionId, me, value, Context.ConnectionAborted);
        if (before != after) await AnnouncePresenceAsync(me, after, Context.ConnectionAborted);
        return after;
    });

    /// <summary>The presence of a channel's members, as every host sees it.</summary>
    public Task<IReadOnlyList<PresenceView>> Presence(Guid channelId) => Run<IReadOnlyList<PresenceView>>(async me =>
    {
        await channels.DemandMemberAsync(channelId, me, Context.ConnectionAborted);
        var members = await channels.MembersAsync(channelId, Context.ConnectionAborted);
        var statuses = await presence.StatusesAsync(members.Select(m => m.PersonId).ToList(), Context.ConnectionAborted);
        return [.. members.Select(m => new PresenceView(m.PersonId, statuses[m.PersonId]))];
    });

    /// <summary>Who is online in each of the caller's channels, as every host sees it (the channel list's counts).</summary>
    public Task<IReadOnlyList<ChannelOnline>> OnlineInMyChannels() =>
        Run(me => presence.OnlineInChannelsOfAsync(me, Context.ConnectionAborted));

    private async Task AnnouncePresenceAsync(Guid person, string status, CancellationToken ct)
    {
        // Once to each person who shares a channel (a group per channel would repeat it).
        var colleagues = (await channels.ColleaguesOfAsync(person, ct)).Select(p => p.ToString()).ToList();
        if (colleagues.Count > 0) await Clients.Users(colleagues).SendAsync(Events.PresenceChanged, new PresenceChanged(person, status), ct);
    }

    private async Task<T> Run<T>(Func<Guid, Task<T>> action)
    {
        var me = Me;
        try
        {
            return await action(me);
        }
        catch (VapeException e)
        {
            throw HubErrors.Create(e.Code, e.Message);
        }
    }

    /// <summary>The names of what the hub sends.</summary>
    public static class Events
    {
        public const string ChannelEvent = "channelEvent";
        public const string ReadReceipt = "readReceipt";
        public const string Typing = "typing";
        public const string PresenceChanged = "presenceChanged";
        public const string Reminder = "reminder";
        public const string MembershipChanged = "membershipChanged";
        public const string ChannelArchived = "channelArchived";
    }
}
