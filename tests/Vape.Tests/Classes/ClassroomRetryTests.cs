using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.BuildingBlocks.Storage;
using Vape.Classes.Classroom;
using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>
/// A chat line and a question may carry the client's id (`SendChatWithId`, `AskQuestionWithId`, docs/adr/0111): a
/// client that lost the answer sends the same call again, and the room does not hear it twice. Through the .NET
/// SignalR client, over JSON and MessagePack.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class ClassroomRetryTests(VapeApp app) : ClassroomTestsBase<VapeApp>(app)
{
    private Task<(ClassroomClient Host, ClassroomClient Learner, ClassroomClient Learner2, Guid Session)> Live(bool messagePack) => LiveWithTwoLearners(messagePack);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_chat_line_sent_again_with_its_id_is_posted_once(bool messagePack)
    {
        var (host, learner, learner2, session) = await Live(messagePack);
        var id = Guid.CreateVersion7();
        var first = await learner.Do("SendChatWithId", id, "Em chào cô ạ");
        (await learner.Do("SendChatWithId", id, "Em chào cô ạ")).ShouldBe(first);

        // After other writes to the room, and two at once: still the version it was posted at.
        await host.Do("RaiseHand");
        var again = await Task.WhenAll(learner.Do("SendChatWithId", id, "Em chào cô ạ"),
            learner.Do("SendChatWithId", id, "Em chào cô ạ"));
        again.ShouldBe([first, first]);
        (await ChatRows(session, id)).ShouldBe(1);
        (await Lines(session)).Count(e => e is ChatPosted p && p.MessageId == id).ShouldBe(1);

        // Someone else's id is refused and changes nothing.
        (await learner2.Fails("SendChatWithId", id, "Em cũng chào cô")).ShouldBe("INVALID_INPUT");
        (await ChatRows(session, id)).ShouldBe(1);

        // Two new lines sent at once, each twice: each posted once.
        var (a, b) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var sent = await Task.WhenAll(learner.Do("SendChatWithId", a, "một"), learner2.Do("SendChatWithId", b, "hai"),
            learner.Do("SendChatWithId", a, "một"), learner2.Do("SendChatWithId", b, "hai"));
        (sent[0], sent[1]).ShouldBe((sent[2], sent[3]));
        (await ChatRows(session, a), await ChatRows(session, b)).ShouldBe((1, 1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_question_asked_again_with_its_id_is_asked_once(bool messagePack)
    {
        var (host, learner, learner2, session) = await Live(messagePack);
        var id = Guid.CreateVersion7();
        var first = await learner.Do("AskQuestionWithId", id, "Mật khẩu quên thì làm sao ạ?");
        (await learner.Do("AskQuestionWithId", id, "Mật khẩu quên thì làm sao ạ?")).ShouldBe(first);
        var answered = await host.Do("AnswerQuestion", id);
        // Answered meanwhile: the retry still changes nothing (the room's version comes back).
        (await learner.Do("AskQuestionWithId", id, "Mật khẩu quên thì làm sao ạ?")).ShouldBe(answered);
        (await learner2.Fails("AskQuestionWithId", id, "Em cũng hỏi")).ShouldBe("INVALID_INPUT");
        (await Lines(session)).Count(x => x is QuestionAsked q && q.QuestionId == id).ShouldBe(1);

        // Without an id, as before: each call is a question of its own.
        await learner.Do("AskQuestion", "Câu hỏi khác");
        await learner.Do("AskQuestion", "Câu hỏi khác");
        (await Lines(session)).Count(x => x is QuestionAsked { Text: "Câu hỏi khác" }).ShouldBe(2);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_client_back_after_a_lost_connection_catches_up_before_it_joins_again(bool messagePack)
    {
        var (host, learner, learner2, session) = await Live(messagePack);
        var seen = await learner.Do("RaiseHand");
        await learner.Call<object>("Leave");
        var chat = await host.Do("SendChat", "Các em xem trang 3");

        // A new connection, not in the room yet: the events since `seen`, without a re-join of its own.
        var back = await Device("learner", messagePack);
        var missed = await back.Call<ClassroomCatchUp>("CatchUpIn", session, seen);
        missed.Snapshot.ShouldBeNull();
        missed.Events.Select(e => (e.Version, e.Type)).ShouldBe([(seen + 1, "participantLeft"), (chat, "chatPosted")]);
        await back.Enter(session.ToString());
        var after = await back.Call<ClassroomCatchUp>("CatchUp", chat);
        after.Events.Select(e => e.Type).ShouldBe(["participantJoined"]);

        // Only for someone who was in the room, and not removed; a connection in another room is refused.
        await host.Do("Remove", Guid.Parse(await Api.Org.PersonId("learner2")));
        (await (await Device("learner2", messagePack)).Fails("CatchUpIn", session, seen)).ShouldBe("REMOVED");
        (await (await Device("learner-hp", messagePack)).Fails("CatchUpIn", session, seen)).ShouldBe("NOT_IN_ROOM");
        (await back.Fails("CatchUpIn", Guid.CreateVersion7(), 0L)).ShouldBe("INVALID_INPUT");
        _ = learner2;
    }

    private async Task<long> ChatRows(Guid session, Guid message)
    {
        await using var cmd = App.Host.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("select count(*) from classes.chat where session_id = @s and message_id = @m");
        cmd.Parameters.AddWithValue("s", session);
        cmd.Parameters.AddWithValue("m", message);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<List<object>> Lines(Guid session)
    {
        await using var q = App.Store.QuerySession();
        return [.. (await q.Events.FetchStreamAsync(ModuleStreams<Vape.Classes.ClassesModule>.Id(session))).Select(e => e.Data)];
    }
}
