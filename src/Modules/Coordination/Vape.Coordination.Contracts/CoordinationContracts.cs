namespace Vape.Coordination.Contracts;

/// <summary>
/// Published by the Coordination module (durable outbox, with the post's commit) when a new post mentions members by
/// name: `PersonIds` are the mentioned members of the channel, without the author (docs/adr/0209). The post itself is
/// not in it; the recipients open the channel to read it.
/// </summary>
public sealed record MembersMentioned(Guid MessageId, Guid ChannelId, string ChannelName, IReadOnlyList<Guid> PersonIds);

/// <summary>
/// Published by the Coordination module (durable outbox, with the post's commit) when an IMPORTANT or URGENT post,
/// which members must acknowledge, is posted: `PersonIds` are the channel's members but the author. `Urgent`: it is
/// URGENT; `Announcement`: it is in a unit's announcement channel, where only that unit's own officials post
/// (docs/adr/0209 says which of them may break quiet hours).
/// </summary>
public sealed record PriorityPostPosted(Guid MessageId, Guid ChannelId, string ChannelName, bool Urgent, bool Announcement, IReadOnlyList<Guid> PersonIds);
