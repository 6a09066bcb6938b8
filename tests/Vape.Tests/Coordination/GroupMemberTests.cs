using Microsoft.AspNetCore.SignalR.Client;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination;

/// <summary>Members of a group after it was opened: added and removed by its moderators, or leaving; bad input changes nothing.</summary>
[Collection(VapeCollection.Name)]
public sealed class GroupMemberTests(VapeApp app) : IAsyncLifetime
{
    private const string Members = "id members { personId role }";
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A group opened by `central` (moderator) with `province` and `commune`.</summary>
    private async Task<Guid> GroupAsync()
    {
        var created = await _api.Mutate("createChannel", new
        {
            kind = "GROUP", name = "Tổ công tác khuyến học 2026",
            memberIds = new[] { (await _api.PersonId("province")).ToString(), (await _api.PersonId("commune")).ToString() },
        }, "central");
        created.HasErrors.ShouldBeFalse(created.Body);
        return Guid.Parse(created.Data["createChannel"]!["id"]!.GetValue<string>());
    }

    private async Task<List<(string Person, string Role)>> MembersOf(Guid channel)
    {
        var response = await _api.Query("query($id: ID!) { channel(id: $id) { members { personId role } } }", new { id = channel }, "central");
        response.HasErrors.ShouldBeFalse(response.Body);
        return [.. response.Data["channel"]!["members"]!.AsArray().Select(m => (m!["personId"]!.GetValue<string>(), m["role"]!.GetValue<string>()))
            .OrderBy(m => m.Item1)];
    }

    /// <summary>What the client hears until the first that matches (its unit channels may be announced on connect too).</summary>
    private static async Task<T> Until<T>(System.Threading.Channels.ChannelReader<T> reader, Func<T, bool> match)
    {
        while (true)
        {
            var next = await Member.Next(reader);
            if (match(next)) return next;
        }
    }

    [Fact]
    public async Task A_moderator_adds_a_member_who_hears_the_group_at_once_and_removes_them_who_then_hears_and_reads_nothing_new()
    {
        var group = await GroupAsync();
        var sibling = await _api.PersonId("sibling-province");
        await using var siblingHub = await _api.Connect("sibling-province");
        await using var central = await _api.Connect("central");

        var added = await _api.Mutate("addChannelMembers", new { channelId = group, personIds = new[] { sibling.ToString() } }, "central", Members);
        added.HasErrors.ShouldBeFalse(added.Body);
        added.Data["addChannelMembers"]!["members"]!.AsArray().ShouldContain(m => m!["personId"]!.GetValue<string>() == sibling.ToString() && m["role"]!.GetValue<string>() == "MEMBER");
        (await Until(siblingHub.Memberships, m => m.ChannelId == group)).Joined.ShouldBeTrue();
        // The open connection hears the group without reconnecting.
        var hello = await central.Post(group, "Chào đồng chí Hải Phòng đã tham gia tổ công tác.");
        (await Member.Next(siblingHub.Events)).Message.Id.ShouldBe(hello.Id);

        var removed = await _api.Mutate("removeChannelMember", new { channelId = group, personId = sibling.ToString() }, "central", Members);
        removed.HasErrors.ShouldBeFalse(removed.Body);
        removed.Data["removeChannelMember"]!["members"]!.AsArray().ShouldNotContain(m => m!["personId"]!.GetValue<string>() == sibling.ToString());
        (await Until(siblingHub.Memberships, m => m.ChannelId == group)).Joined.ShouldBeFalse();

        // Posted after the removal: the moderator hears it, the removed member neither hears nor reads it.
        var after = await central.Post(group, "Tin sau khi đồng chí rời tổ.");
        (await central.UntilVersion(group, after.Version)).ShouldNotBeEmpty();
        siblingHub.Events.TryRead(out _).ShouldBeFalse();
        (await _api.Query("query($id: ID!) { channel(id: $id) { messages { nodes { body } } } }", new { id = group }, "sibling-province"))
            .Data["channel"].ShouldBeNull();
        (await HubCalls.Refused(() => siblingHub.Hub.InvokeAsync<object>("CatchUp", new[] { new Vape.Coordination.Realtime.ChannelPosition(group, 0) })))
            .ShouldBe("NOT_ALLOWED");
        (await HubCalls.Refused(() => siblingHub.Post(group, "Tôi vẫn muốn nói."))).ShouldBe("NOT_ALLOWED");
    }

    [Fact]
    public async Task A_member_leaves_a_group_and_the_last_moderator_cannot_leave_while_others_remain()
    {
        var group = await GroupAsync();
        await using var commune = await _api.Connect("commune");
        var left = await _api.Mutate("leaveChannel", new { channelId = group }, "commune", "channelId");
        left.HasErrors.ShouldBeFalse(left.Body);
        left.Data["leaveChannel"]!["channelId"]!.GetValue<string>().ShouldBe(group.ToString());
        // The leaver is told at once. The group's "joined" from its creation may reach this connection first (it is
        // fanned out after the commit, and the connection was made right after), so wait for the "left".
        (await Until(commune.Memberships, m => m.ChannelId == group && !m.Joined)).Joined.ShouldBeFalse();
        (await _api.Channels("commune")).AsArray().ShouldNotContain(c => c!["id"]!.GetValue<string>() == group.ToString());

        var before = await MembersOf(group);
        (await _api.Mutate("leaveChannel", new { channelId = group }, "central", "channelId")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await MembersOf(group)).ShouldBe(before);
    }

    public static TheoryData<string, string, string> BadChanges => new()
    {
        // login, what, expected code
        { "province", "add", "NOT_ALLOWED" },              // a member, not a moderator
        { "province", "remove", "NOT_ALLOWED" },
        { "sibling-province", "add", "NOT_ALLOWED" },      // not in the group
        { "central", "add-unknown", "NOT_FOUND" },
        { "central", "add-none", "INVALID_INPUT" },
        { "central", "remove-last-moderator", "INVALID_INPUT" },
        { "central", "remove-non-member", "NOT_FOUND" },
        { "central", "unknown-channel", "NOT_FOUND" },
        { "province", "direct", "INVALID_INPUT" },
        { "province", "direct-leave", "INVALID_INPUT" },
        { "central", "unit-channel", "INVALID_INPUT" },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task A_bad_change_of_members_is_refused_with_a_stable_code_and_changes_nothing(string login, string what, string code)
    {
        var group = await GroupAsync();
        var direct = await _api.Mutate("createChannel", new { kind = "DIRECT", memberIds = new[] { (await _api.PersonId("commune")).ToString() } }, "province");
        var directId = Guid.Parse(direct.Data["createChannel"]!["id"]!.GetValue<string>());
        var unitChannel = await _api.ChannelId("central", "TW", "UNIT");
        var sibling = (await _api.PersonId("sibling-province")).ToString();
        var central = (await _api.PersonId("central")).ToString();
        var groupBefore = await MembersOf(group);
        var unitBefore = (await _api.Query("query($id: ID!) { channel(id: $id) { members { personId role } } }", new { id = unitChannel }, "central")).Answer;

        var response = what switch
        {
            "add" => await _api.Mutate("addChannelMembers", new { channelId = group, personIds = new[] { sibling } }, login),
            "remove" => await _api.Mutate("removeChannelMember", new { channelId = group, personId = (await _api.PersonId("commune")).ToString() }, login),
            "add-unknown" => await _api.Mutate("addChannelMembers", new { channelId = group, personIds = new[] { sibling, Guid.NewGuid().ToString() } }, login),
            "add-none" => await _api.Mutate("addChannelMembers", new { channelId = group, personIds = Array.Empty<string>() }, login),
            "remove-last-moderator" => await _api.Mutate("removeChannelMember", new { channelId = group, personId = central }, login),
            "remove-non-member" => await _api.Mutate("removeChannelMember", new { channelId = group, personId = sibling }, login),
            "unknown-channel" => await _api.Mutate("addChannelMembers", new { channelId = Guid.NewGuid(), personIds = new[] { sibling } }, login),
            "direct" => await _api.Mutate("addChannelMembers", new { channelId = directId, personIds = new[] { sibling } }, login),
            "direct-leave" => await _api.Mutate("leaveChannel", new { channelId = directId }, login, "channelId"),
            "unit-channel" => await _api.Mutate("addChannelMembers", new { channelId = unitChannel, personIds = new[] { (await _api.PersonId("learner")).ToString() } }, login),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        response.FirstErrorCode.ShouldBe(code, response.Body);
        (await MembersOf(group)).ShouldBe(groupBefore);
        (await _api.Query("query($id: ID!) { channel(id: $id) { members { personId role } } }", new { id = unitChannel }, "central")).Answer.ShouldBe(unitBefore);
        (await _api.Channels("province")).AsArray().ShouldContain(c => c!["id"]!.GetValue<string>() == directId.ToString());
        (await _api.Channels("commune")).AsArray().ShouldContain(c => c!["id"]!.GetValue<string>() == directId.ToString());
    }

    [Fact]
    public async Task Anonymous_callers_cannot_change_members()
    {
        var group = await GroupAsync();
        var response = await app.GraphQL("mutation($i: LeaveChannelInput!) { leaveChannel(input: $i) { channelId } }", new { i = new { channelId = group } });
        response.FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await MembersOf(group)).Count.ShouldBe(3);
    }
}
