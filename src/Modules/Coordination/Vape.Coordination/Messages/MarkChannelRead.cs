using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Wolverine;

namespace Vape.Coordination.Messages;

/// <summary>A member has read the channel up to a message (the latest when none is given). The position never goes back.</summary>
public sealed record MarkChannelRead(Guid ChannelId, Guid? UpToMessageId, Guid ActorId);

/// <summary>A member's read state of a channel.</summary>
public sealed record ReadState(Guid ChannelId, long LastReadVersion, int Unread, int Mentions);

/// <summary>Who has read up to where (`readReceipt`), pushed to small channels and when a priority message was read.</summary>
public sealed record ReadReceipt(Guid ChannelId, Guid PersonId, long LastReadVersion, long Version);

public static class MarkChannelReadHandler
{
    public static async Task<(ReadState, OutgoingMessages)> Handle(MarkChannelRead command, IDocumentSession session, CoordinationSettings settings, CancellationToken ct)
    {
        var sql = new SessionSql(session);
        var stream = new ChannelStream(sql);
        var rows = await sql.ListAsync("""
            select c.version, m.last_read_version from coordination.channels c
              left join coordination.channel_members m on m.channel_id = c.id and m.person_id = @p
             where c.id = @c
            """, r => (Version: r.GetInt64(0), Read: r.IsDBNull(1) ? (long?)null : r.GetInt64(1)), ct, ("c", command.ChannelId), ("p", command.ActorId));
        if (rows.Count == 0) throw VapeException.NotFound("Không tìm thấy kênh.");
        var (version, read) = rows[0];
        if (read is null) throw VapeException.NotAllowed("Bạn không phải thành viên của kênh này.");

        long upTo;
        if (command.UpToMessageId is Guid messageId)
        {
            var message = await stream.MessageAsync(messageId, ct);
            if (message is null || message.ChannelId != command.ChannelId) throw VapeException.NotFound("Không tìm thấy tin nhắn trong kênh này.");
            upTo = message.PostedVersion;
        }
        else upTo = version;

        var outgoing = new OutgoingMessages();
        if (upTo > read)
        {
            await sql.ExecuteAsync("update coordination.channel_members set last_read_version = @v where channel_id = @c and person_id = @p",
                ct, ("v", upTo), ("c", command.ChannelId), ("p", command.ActorId));
            var members = await sql.ScalarAsync<long>("select count(*) from coordination.channel_members where channel_id = @c", ct, ("c", command.ChannelId));
            var priorityRead = await sql.ScalarAsync<bool>("""
                select exists (select 1 from coordination.messages where channel_id = @c and posted_version > @from and posted_version <= @to
                    and priority <> 'NORMAL' and deleted_at is null)
                """, ct, ("c", command.ChannelId), ("from", read), ("to", upTo));
            if (members <= settings.SmallChannel || priorityRead)
                outgoing.Add(new ReadReceipt(command.ChannelId, command.ActorId, upTo, version));
        }
        var counts = await sql.ListAsync("""
            select count(*)::int, count(*) filter (where mentions_channel or @p = any(mentions))::int from coordination.messages
             where channel_id = @c and posted_version > @v and author_id <> @p and deleted_at is null
            """, r => (r.GetInt32(0), r.GetInt32(1)), ct, ("c", command.ChannelId), ("p", command.ActorId), ("v", Math.Max(upTo, read.Value)));
        return (new ReadState(command.ChannelId, Math.Max(upTo, read.Value), counts[0].Item1, counts[0].Item2), outgoing);
    }
}
