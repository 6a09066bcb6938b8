using Vape.Tests.Support;
using Wolverine;
using Wolverine.Tracking;

namespace Vape.Tests.Coordination;

/// <summary>Channels follow the organization: per unit, across levels, announcements; groups and direct messages.</summary>
[Collection(VapeCollection.Name)]
public sealed class ChannelTests(VapeApp app) : IAsyncLifetime
{
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<(string Kind, string? UnitId, string Role, string Name)>> Mine(string login) =>
        [.. (await _api.Channels(login)).AsArray().Select(c => (c!["kind"]!.GetValue<string>(), c["unitId"]?.GetValue<string>(),
            c["myRole"]!.GetValue<string>(), c["name"]!.GetValue<string>()))];

    [Fact]
    public async Task Demo_officials_see_their_unit_cross_level_and_announcement_channels_right_after_start_up()
    {
        var tw = await _api.Organization.UnitId("TW");
        var haNoi = await _api.Organization.UnitId("T01");
        var baDinh = await _api.Organization.UnitId("T01-X001");

        var central = await Mine("central");
        central.ShouldContain(("UNIT", tw, "MODERATOR", "Hội Khuyến học Việt Nam"), customMessage: string.Join("; ", central));
        central.ShouldContain(c => c.Kind == "CROSS_LEVEL" && c.UnitId == tw && c.Role == "MODERATOR");
        central.ShouldContain(c => c.Kind == "ANNOUNCEMENT" && c.UnitId == tw && c.Role == "MODERATOR");

        var province = await Mine("province");
        province.ShouldContain(c => c.Kind == "UNIT" && c.UnitId == haNoi && c.Role == "MODERATOR");
        province.ShouldContain(c => c.Kind == "CROSS_LEVEL" && c.UnitId == tw && c.Role == "MEMBER");
        province.ShouldContain(c => c.Kind == "ANNOUNCEMENT" && c.UnitId == tw && c.Role == "READER");
        province.ShouldContain(c => c.Kind == "CROSS_LEVEL" && c.UnitId == haNoi && c.Role == "MODERATOR");

        var commune = await Mine("commune");
        commune.ShouldContain(c => c.Kind == "UNIT" && c.UnitId == baDinh && c.Role == "MEMBER");
        commune.ShouldContain(c => c.Kind == "CROSS_LEVEL" && c.UnitId == haNoi && c.Role == "MEMBER");
        commune.ShouldNotContain(c => c.UnitId == tw);

        // Hải Phòng's vice-chair shares the centre's channels, never Hà Nội's.
        (await Mine("sibling-province")).ShouldNotContain(c => c.UnitId == haNoi);
    }

    [Fact]
    public async Task A_learner_has_no_channels_and_may_not_open_one()
    {
        (await _api.Channels("learner")).AsArray().ShouldBeEmpty();
        var refused = await _api.Mutate("createChannel", new { kind = "DIRECT", memberIds = new[] { (await _api.PersonId("commune")).ToString() } }, "learner");
        refused.FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }

    [Fact]
    public async Task A_channel_of_which_one_is_not_a_member_and_an_unknown_one_are_both_null_as_every_lookup_by_id()
    {
        var haNoiUnit = await _api.ChannelId("province", "T01", "UNIT");
        var query = "query($id: ID!) { channel(id: $id) { name } }";
        foreach (var (id, login) in new[] { (haNoiUnit, "sibling-province"), (Guid.NewGuid(), "province") })
        {
            var response = await _api.Query(query, new { id }, login);
            response.HasErrors.ShouldBeFalse(response.Body);
            response.Data["channel"].ShouldBeNull();
        }
        (await app.GraphQL(query, new { id = haNoiUnit })).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task A_role_assigned_adds_the_person_to_the_unit_channels_live_and_a_role_ended_removes_them()
    {
        var baDinhUnit = await _api.ChannelId("commune", "T01-X001", "UNIT");
        var haNoiCross = await _api.ChannelId("province", "T01", "CROSS_LEVEL");
        var haNoiAnnouncements = await _api.ChannelId("province", "T01", "ANNOUNCEMENT");
        await using var learner = await _api.Connect("learner");
        var learnerId = await _api.PersonId("learner");

        GraphQLResponse assigned = null!;
        await app.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).IncludeExternalTransports().ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            assigned = await _api.Mutate("assignRole", new { personId = learnerId.ToString(), unitId = await _api.Organization.UnitId("T01-X001"), role = "STAFF" }, "province")));
        assigned.HasErrors.ShouldBeFalse(assigned.Body);
        var roleId = assigned.Data["assignRole"]!["id"]!.GetValue<string>();

        var mine = (await _api.Channels("learner")).AsArray().Select(c => Guid.Parse(c!["id"]!.GetValue<string>())).ToList();
        mine.ShouldContain(baDinhUnit);
        mine.ShouldContain(haNoiCross);
        mine.ShouldContain(haNoiAnnouncements);
        var joined = new[] { await Member.Next(learner.Memberships), await Member.Next(learner.Memberships), await Member.Next(learner.Memberships) };
        joined.ShouldAllBe(m => m.Joined);
        joined.Select(m => m.ChannelId).ShouldBe([baDinhUnit, haNoiCross, haNoiAnnouncements], ignoreOrder: true);

        // The open connection now hears the channel without reconnecting.
        await using var commune = await _api.Connect("commune");
        var posted = await commune.Post(baDinhUnit, "Chào đồng chí mới!");
        (await Member.Next(learner.Events)).Message.Id.ShouldBe(posted.Id);

        await app.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            (await _api.Mutate("endRole", new { roleId }, "province")).HasErrors.ShouldBeFalse()));
        (await _api.Channels("learner")).AsArray().ShouldBeEmpty();
        var left = new[] { await Member.Next(learner.Memberships), await Member.Next(learner.Memberships), await Member.Next(learner.Memberships) };
        left.ShouldAllBe(m => !m.Joined);
        left.Select(m => m.ChannelId).ShouldBe([baDinhUnit, haNoiCross, haNoiAnnouncements], ignoreOrder: true);

        // ...and hears nothing more of it: the next message reaches the commune official, not the former one.
        var after = await commune.Post(baDinhUnit, "Tin sau khi đồng chí thôi chức vụ.");
        (await commune.UntilVersion(baDinhUnit, after.Version)).ShouldNotBeEmpty();
        learner.Events.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public async Task An_official_opens_a_group_and_a_direct_conversation_and_the_direct_one_is_never_duplicated()
    {
        var province = (await _api.PersonId("province")).ToString();
        var commune = (await _api.PersonId("commune")).ToString();
        var group = await _api.Mutate("createChannel", new { kind = "GROUP", name = "Tổ công tác khuyến học 2026", memberIds = new[] { province, commune } },
            "central", "id kind name myRole members { personId name role }");
        group.HasErrors.ShouldBeFalse(group.Body);
        group.Data["createChannel"]!["myRole"]!.GetValue<string>().ShouldBe("MODERATOR");
        group.Data["createChannel"]!["members"]!.AsArray().Count.ShouldBe(3);

        var first = await _api.Mutate("createChannel", new { kind = "DIRECT", memberIds = new[] { commune } }, "province");
        var again = await _api.Mutate("createChannel", new { kind = "DIRECT", memberIds = new[] { province } }, "commune");
        again.Data["createChannel"]!["id"]!.GetValue<string>().ShouldBe(first.Data["createChannel"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GROUP", "", "INVALID_INPUT")]
    [InlineData("GROUP", null, "INVALID_INPUT")]
    [InlineData("UNIT", "Kênh tự đặt", "INVALID_INPUT")]
    public async Task A_channel_with_bad_input_is_refused_and_nothing_is_created(string kind, string? name, string code)
    {
        var before = (await _api.Channels("central")).AsArray().Count;
        var refused = await _api.Mutate("createChannel", new { kind, name, memberIds = new[] { (await _api.PersonId("province")).ToString() } }, "central");
        refused.FirstErrorCode.ShouldBe(code);
        (await _api.Channels("central")).AsArray().Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_direct_conversation_with_oneself_or_a_stranger_is_refused()
    {
        (await _api.Mutate("createChannel", new { kind = "DIRECT", memberIds = new[] { (await _api.PersonId("central")).ToString() } }, "central"))
            .FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Mutate("createChannel", new { kind = "DIRECT", memberIds = new[] { Guid.NewGuid().ToString() } }, "central"))
            .FirstErrorCode.ShouldBe("NOT_FOUND");
        (await _api.Mutate("createChannel", new { kind = "DIRECT", memberIds = new[] { "not-an-id" } }, "central"))
            .FirstErrorCode.ShouldBe("INVALID_INPUT");
    }
}
