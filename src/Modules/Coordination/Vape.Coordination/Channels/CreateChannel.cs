using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Wolverine;

namespace Vape.Coordination.Channels;

/// <summary>An official opens an ad hoc group (a name and members) or a direct conversation with one person.</summary>
public sealed record CreateChannel(string Kind, string? Name, IReadOnlyList<Guid> MemberIds, Guid ActorId);

public static class CreateChannelHandler
{
    public const int MaxNameLength = 100;
    public const int MaxMembers = 500;

    public static async Task<(Channel, OutgoingMessages)> Handle(CreateChannel command, IOrganizationQueries org, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        if (command.Kind is not (ChannelKinds.Group or ChannelKinds.Direct))
            throw VapeException.InvalidInput("Chỉ tạo được kênh nhóm (GROUP) hoặc trò chuyện riêng (DIRECT); kênh của đơn vị tự có theo chức vụ.");
        if ((await org.ManagedUnitsAsync(command.ActorId, ct)).Count == 0)
            throw VapeException.NotAllowed("Chỉ cán bộ của Hội mới tạo được kênh trao đổi.");
        var others = command.MemberIds.Where(id => id != command.ActorId).Distinct().ToList();
        if (others.Count == 0) throw VapeException.InvalidInput("Kênh cần ít nhất một thành viên khác.");
        if (others.Count > MaxMembers) throw VapeException.InvalidInput($"Một kênh có tối đa {MaxMembers} thành viên.");
        var known = await org.DisplayNamesAsync(others, ct);
        if (known.Count != others.Count) throw VapeException.NotFound("Không tìm thấy một số người được thêm vào kênh.");

        var sql = new SessionSql(session);
        var now = clock.GetUtcNow();
        string name;
        string? directKey = null;
        if (command.Kind == ChannelKinds.Direct)
        {
            if (others.Count != 1) throw VapeException.InvalidInput("Trò chuyện riêng chỉ có hai người.");
            directKey = string.Join(':', new[] { command.ActorId, others[0] }.Order());
            var existing = await sql.ListAsync($"select {Channel.Columns} from coordination.channels c where c.direct_key = @k", r => Channel.Read(r), ct, ("k", directKey));
            if (existing.Count > 0) return (existing[0], []);
            name = "Trò chuyện riêng";
        }
        else
        {
            name = (command.Name ?? "").Normalize(System.Text.NormalizationForm.FormC).Trim();
            if (name.Length == 0) throw VapeException.InvalidInput("Hãy đặt tên cho nhóm.");
            if (name.Length > MaxNameLength) throw VapeException.InvalidInput($"Tên nhóm dài tối đa {MaxNameLength} ký tự.");
        }

        var channel = new Channel(Guid.CreateVersion7(), command.Kind, null, name, 0, command.ActorId, now);
        var inserted = await sql.ExecuteAsync("""
            insert into coordination.channels (id, kind, name, direct_key, created_by, created_at) values (@id, @k, @n, @d, @by, @at)
            on conflict do nothing
            """, ct, ("id", channel.Id), ("k", channel.Kind), ("n", name), ("d", directKey), ("by", command.ActorId), ("at", now));
        if (inserted == 0) throw VapeException.VersionConflict("Cuộc trò chuyện vừa được tạo; hãy thử lại.");
        var creatorRole = command.Kind == ChannelKinds.Group ? MemberRoles.Moderator : MemberRoles.Member;
        await sql.ExecuteAsync("""
            insert into coordination.channel_members (channel_id, person_id, role, source, joined_at)
            select @c, p, case when p = @by then @creator else 'MEMBER' end, 'MANUAL', @at from unnest(@people) p
            """, ct, ("c", channel.Id), ("by", command.ActorId), ("creator", creatorRole), ("at", now),
            ("people", others.Prepend(command.ActorId).ToArray()));
        var outgoing = new OutgoingMessages();
        foreach (var person in others.Prepend(command.ActorId)) outgoing.Add(new ChannelMembershipChanged(channel.Id, person, Joined: true));
        return (channel, outgoing);
    }
}
