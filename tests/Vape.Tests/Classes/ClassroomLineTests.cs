using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.BuildingBlocks.Storage;
using Vape.Classes.Classroom;
using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>
/// Chat lines and reactions are decided in C# and written by one statement (`classes.append_lines`, docs/adr/0061,
/// 0110), not through a Marten session: what it writes must read back through Marten like any other event of the
/// session's stream, a refusal must write nothing, and nothing is written on a state the database has not confirmed.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class ClassroomLineTests(VapeApp app) : ClassroomTestsBase<VapeApp>(app)
{
    private Task<(ClassroomClient Host, ClassroomClient Learner, ClassroomClient Learner2, Guid Session)> Live() => LiveWithTwoLearners();

    /// <summary>What is stored of a session: its stream's version, the room document's version, its chat rows.</summary>
    private async Task<(long Stream, long Room, long ChatRows)> Stored(Guid session)
    {
        await using var q = App.Store.QuerySession();
        var stream = (await q.Events.FetchStreamStateAsync(ModuleStreams<Vape.Classes.ClassesModule>.Id(session)))!.Version;
        var room = (await q.LoadAsync<Classroom>(session))!.Version;
        await using var cmd = App.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("select count(*) from classes.chat where session_id = @s");
        cmd.Parameters.AddWithValue("s", session);
        return (stream, room, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Chat_lines_and_reactions_are_events_of_the_sessions_Marten_stream_between_the_others()
    {
        var (host, learner, _, session) = await Live();
        var hand = await host.Do("RaiseHand");
        var chat = await learner.Do("SendChat", "Chào cả lớp, em là Em ở tổ dân phố 3");
        var reaction = await learner.Do("React", "👏");
        var again = await learner.Do("RaiseHand");
        var last = await learner.Do("SendChat", "Em hỏi về mật khẩu ạ");
        new[] { chat, reaction, again, last }.ShouldBe(new[] { hand + 1, hand + 2, hand + 3, hand + 4 });

        // Marten reads them as it reads the events it appended itself.
        await using (var q = App.Store.QuerySession())
        {
            var events = (await q.Events.FetchStreamAsync(ModuleStreams<Vape.Classes.ClassesModule>.Id(session), fromVersion: chat)).ToList();
            events.Select(e => (e.Version, e.Data.GetType())).ShouldBe(
                new[] { (chat, typeof(ChatPosted)), (reaction, typeof(ReactionSent)), (again, typeof(HandRaised)), (last, typeof(ChatPosted)) });
            var posted = (ChatPosted)events[0].Data;
            posted.Name.ShouldBe("Hoàng Thị Em");
            posted.Text.ShouldBe("Chào cả lớp, em là Em ở tổ dân phố 3");
            posted.PersonId.ShouldBe(Guid.Parse(await Api.Org.PersonId("learner")));
            ((ReactionSent)events[1].Data).Reaction.ShouldBe("👏");
        }
        (await Stored(session)).ShouldBe((last, last, 2));

        // Heard with the name the room knows, and the same again on catching up and in a late joiner's snapshot.
        var heard = await host.Next("chatPosted");
        heard.Version.ShouldBe(chat);
        heard.Data.GetProperty("name").GetString().ShouldBe("Hoàng Thị Em");
        var caughtUp = await learner.Call<ClassroomCatchUp>("CatchUp", hand);
        caughtUp.Events.Select(e => (e.Version, e.Type)).ShouldBe(
            new[] { (chat, "chatPosted"), (reaction, "reactionSent"), (again, "handRaised"), (last, "chatPosted") });
        var snapshot = await (await Device("commune")).Join(session.ToString());
        snapshot.Chat.Select(c => (c.Name, c.Text)).ShouldBe(new[] { ("Hoàng Thị Em", "Chào cả lớp, em là Em ở tổ dân phố 3"), ("Hoàng Thị Em", "Em hỏi về mật khẩu ạ") });
        snapshot.Version.ShouldBe(last);
    }

    [Fact]
    public async Task Many_devices_chatting_at_once_each_line_is_stored_once_in_order_and_only_the_muted_are_refused()
    {
        var (host, learner, learner2, session) = await Live();
        var learner2Id = Guid.Parse(await Api.Org.PersonId("learner2"));
        await host.Do("Mute", learner2Id);
        // Seven connections sending at once (a connection's calls run one after another): lines that meet a write of
        // the room under way are committed together, a muted learner's among them.
        var devices = new List<(ClassroomClient Device, bool Muted)> { (host, false), (learner, false), (learner2, true) };
        for (var i = 0; i < 2; i++)
        {
            foreach (var login in new[] { "commune", "learner" })
            {
                var extra = await Device(login);
                await extra.Join(session.ToString());
                devices.Add((extra, false));
            }
        }
        var extraMuted = await Device("learner2");
        await extraMuted.Join(session.ToString());
        devices.Add((extraMuted, true));
        var start = (await Stored(session)).Stream;

        var outcomes = await Task.WhenAll(devices.Select(async (d, n) => await Task.WhenAll(Enumerable.Range(0, 3).Select(async i =>
        {
            var text = $"Thiết bị {n}, dòng {i}";
            try { return (Text: text, d.Muted, Version: await d.Device.Hub.InvokeAsync<long>("SendChat", text), Error: ""); }
            catch (HubException e) { return (Text: text, d.Muted, Version: 0L, Error: e.Message); }
        }))));
        var all = outcomes.SelectMany(o => o).ToList();
        all.Where(o => o.Muted).ShouldAllBe(o => o.Error.Contains("MUTED"));
        var posted = all.Where(o => !o.Muted).ToList();
        posted.ShouldAllBe(o => o.Error == "");
        posted.Select(o => o.Version).Order().ShouldBe(Enumerable.Range(1, posted.Count).Select(i => start + i));
        (await Stored(session)).ShouldBe((start + posted.Count, start + posted.Count, posted.Count));

        await using (var q = App.Store.QuerySession())
        {
            var events = (await q.Events.FetchStreamAsync(ModuleStreams<Vape.Classes.ClassesModule>.Id(session), fromVersion: start + 1)).ToList();
            events.Select(e => (e.Version, ((ChatPosted)e.Data).Text)).ShouldBe(posted.OrderBy(o => o.Version).Select(o => (o.Version, o.Text)));
        }
        // A learner who listened hears each line once, in the order of the versions.
        var heard = new List<long>();
        for (var i = 0; i < posted.Count; i++) heard.Add((await learner.Next("chatPosted")).Version);
        heard.ShouldBe(posted.Select(o => o.Version).Order());
    }

    [Fact]
    public async Task The_statement_appends_only_at_the_version_the_lines_were_decided_at_and_never_a_chat_id_twice()
    {
        var (host, _, _, session) = await Live();
        var learnerId = Guid.Parse(await Api.Org.PersonId("learner"));
        var before = await host.Do("RaiseHand");

        // As the room's writer appends what C# decided: two chat lines at the version they were decided at.
        var first = Guid.CreateVersion7();
        (await Append(session, before, [(first, learnerId, "An", "một"), (Guid.CreateVersion7(), learnerId, "An", "hai")])).ShouldBe((true, before + 2, ""));
        (await Stored(session)).ShouldBe((before + 2, before + 2, 2));
        await using (var q = App.Store.QuerySession())
            (await q.Events.FetchStreamAsync(ModuleStreams<Vape.Classes.ClassesModule>.Id(session), fromVersion: before + 1))
                .Select(e => (e.Version, ((ChatPosted)e.Data).Text, ((ChatPosted)e.Data).Name)).ShouldBe(new[] { (before + 1, "một", "An"), (before + 2, "hai", "An") });

        // Decided at a version the stream has left: nothing is written, and the version found comes back.
        (await Append(session, before, [(Guid.CreateVersion7(), learnerId, "An", "ba")])).ShouldBe((false, before + 2, ""));
        // A chat id the room already has: nothing is written, and the id comes back.
        (await Append(session, before + 2, [(Guid.CreateVersion7(), learnerId, "An", "bốn"), (first, learnerId, "An", "một")]))
            .ShouldBe((false, before + 2, first.ToString()));
        (await Stored(session)).ShouldBe((before + 2, before + 2, 2));
    }

    /// <summary>`classes.append_lines` called as the room's writer calls it, with chat lines; the ids it knew already, joined.</summary>
    private async Task<(bool Appended, long Version, string Known)> Append(Guid session, long expected, (Guid Id, Guid Person, string Name, string Text)[] lines)
    {
        var at = DateTimeOffset.UtcNow;
        await using var cmd = App.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "select appended, version, known from classes.append_lines(@s, @stream, @expected, @ids, @types, @dotnet, @bodies::jsonb[], @ats, @ords, @messages, @persons, @names, @texts)");
        cmd.Parameters.AddWithValue("s", session);
        cmd.Parameters.AddWithValue("stream", ModuleStreams<Vape.Classes.ClassesModule>.Id(session));
        cmd.Parameters.AddWithValue("expected", expected);
        cmd.Parameters.AddWithValue("ids", lines.Select(_ => Guid.CreateVersion7()).ToArray());
        cmd.Parameters.AddWithValue("types", lines.Select(_ => "chat_posted").ToArray());
        cmd.Parameters.AddWithValue("dotnet", lines.Select(_ => typeof(ChatPosted).FullName + ", Vape.Classes").ToArray());
        cmd.Parameters.AddWithValue("bodies", lines.Select(l =>
            $$"""{"messageId":"{{l.Id}}","personId":"{{l.Person}}","name":"{{l.Name}}","text":"{{l.Text}}","at":"{{at:O}}"}""").ToArray());
        cmd.Parameters.AddWithValue("ats", lines.Select(_ => at).ToArray());
        cmd.Parameters.AddWithValue("ords", lines.Select((_, i) => i + 1).ToArray());
        cmd.Parameters.AddWithValue("messages", lines.Select(l => l.Id).ToArray());
        cmd.Parameters.AddWithValue("persons", lines.Select(l => l.Person).ToArray());
        cmd.Parameters.AddWithValue("names", lines.Select(l => l.Name).ToArray());
        cmd.Parameters.AddWithValue("texts", lines.Select(l => l.Text).ToArray());
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetBoolean(0), reader.GetInt64(1), string.Join(",", reader.GetFieldValue<Guid[]>(2)));
    }

    [Fact]
    public async Task Lines_sent_together_get_consecutive_versions_and_a_muted_senders_line_holds_back_none_of_the_others()
    {
        var (host, learner, learner2, session) = await Live();
        var before = await host.Do("Mute", Guid.Parse(await Api.Org.PersonId("learner2")));

        var sent = Enumerable.Range(0, 12).Select(i => (i % 3) switch
        {
            0 => Send(learner, $"An {i}"),
            1 => Send(host, $"Cô {i}"),
            _ => Send(learner2, $"Bình {i}"),
        }).ToList();
        var outcomes = await Task.WhenAll(sent);

        outcomes.Where(o => o.Refused is not null).Select(o => o.Refused).ShouldBe(Enumerable.Repeat("MUTED", 4));
        var versions = outcomes.Where(o => o.Refused is null).Select(o => o.Version).Order().ToList();
        versions.ShouldBe(Enumerable.Range(1, 8).Select(i => before + i));
        (await Stored(session)).ShouldBe((before + 8, before + 8, 8));
    }

    private static async Task<(long Version, string? Refused)> Send(ClassroomClient client, string text)
    {
        try
        {
            return (await client.Do("SendChat", text), null);
        }
        catch (HubException e)
        {
            return (0, ClassroomClient.Code(e));
        }
    }

    [Fact]
    public async Task A_line_is_decided_again_when_the_room_changed_since_the_writer_last_wrote()
    {
        var (host, learner, _, session) = await Live();
        var learnerId = Guid.Parse(await Api.Org.PersonId("learner"));
        await learner.Do("SendChat", "một");

        // Muted by another action after the writer's last line: the line decided on what it knew is not written.
        var muted = await host.Do("Mute", learnerId);
        (await learner.Fails("SendChat", "hai")).ShouldBe("MUTED");
        // Unmuted: the refusal it would repeat on what it knew is checked again, and the line goes through.
        var unmuted = await host.Do("Unmute", learnerId);
        (await learner.Do("SendChat", "ba")).ShouldBe(unmuted + 1);
        (await Stored(session)).ShouldBe((unmuted + 1, unmuted + 1, 2));
        muted.ShouldBeLessThan(unmuted);
    }

    [Fact]
    public async Task A_refused_line_writes_nothing_muted_removed_or_after_the_end()
    {
        var (host, learner, learner2, session) = await Live();
        var learnerId = Guid.Parse(await Api.Org.PersonId("learner"));
        var learner2Id = Guid.Parse(await Api.Org.PersonId("learner2"));

        var muted = await host.Do("Mute", learnerId);
        (await learner.Fails("SendChat", "alo")).ShouldBe("MUTED");
        (await Stored(session)).ShouldBe((muted, muted, 0));

        var removed = await host.Do("Remove", learner2Id);
        (await learner2.Fails("SendChat", "cho em nói")).ShouldBe("REMOVED");
        (await learner2.Fails("React", "👍")).ShouldBe("REMOVED");
        (await Stored(session)).ShouldBe((removed, removed, 0));

        var ended = await host.Do("End");
        (await host.Fails("SendChat", "Cảm ơn cả lớp")).ShouldBe("CLASS_ENDED");
        (await learner.Fails("React", "🎉")).ShouldBe("CLASS_ENDED");
        (await Stored(session)).ShouldBe((ended, ended, 0));
    }
}
