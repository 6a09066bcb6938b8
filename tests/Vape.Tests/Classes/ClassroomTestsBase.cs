using System.Text.Json.Nodes;
using Vape.Classes.Media;
using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>
/// What the classroom tests share: a fresh database for each test, the Classes API, and the hub connections a test
/// opens (`Device` for a demo login, `Connect` for a token), closed after it.
/// </summary>
public abstract class ClassroomTestsBase<TApp>(TApp app) : IAsyncLifetime where TApp : VapeApp
{
    private readonly List<ClassroomClient> _clients = [];

    protected TApp App { get; } = app;

    protected ClassesApi Api { get; } = new(app);

    public Task InitializeAsync() => App.ResetAsync();

    public async Task DisposeAsync()
    {
        foreach (var c in _clients) await c.DisposeAsync();
    }

    /// <summary>`joinClassMedia` for the session as a demo login: its grant (the test fails with the answer if refused).</summary>
    protected async Task<JsonNode> JoinedMedia(string session, string login)
    {
        var response = await App.GraphQL("mutation($i: JoinClassMediaInput!) { joinClassMedia(input: $i) { url room pin token publisher feed } }",
            new { i = new { sessionId = session } }, await Api.Org.Token(login));
        if (response.HasErrors) throw new InvalidOperationException(response.Body);
        return response.Data["joinClassMedia"]!;
    }

    /// <summary>The session's media room as stored (its node and room number).</summary>
    protected async Task<MediaRoom> StoredRoom(Guid session)
    {
        await using var query = App.Store.QuerySession();
        return (await query.LoadAsync<MediaRoom>(session))!;
    }

    /// <summary>A device signed in as a demo login.</summary>
    protected async Task<ClassroomClient> Device(string login, bool messagePack = false)
    {
        var c = await ClassroomClient.Connect(App, await Api.Org.Token(login), messagePack);
        _clients.Add(c);
        return c;
    }

    /// <summary>A live class of `commune` with `learner` and `learner2` in the room (over MessagePack when asked: their devices only call).</summary>
    protected async Task<(ClassroomClient Host, ClassroomClient Learner, ClassroomClient Learner2, Guid Session)> LiveWithTwoLearners(bool messagePack = false)
    {
        var c = await Api.Schedule("Lớp kỹ năng số");
        var id = ClassesApi.Id(c);
        await Api.Enrol(id, await Api.Org.Token("learner"));
        await Api.Enrol(id, await Api.Org.Token("learner2"));
        var session = c["sessions"]![0]!["id"]!.GetValue<string>();
        var host = await Device("commune");
        await host.Join(session);
        var learner = await Device("learner", messagePack);
        await learner.Enter(session);
        var learner2 = await Device("learner2", messagePack);
        await learner2.Enter(session);
        return (host, learner, learner2, Guid.Parse(session));
    }

    /// <summary>A device with this token (null: not signed in).</summary>
    protected async Task<ClassroomClient> Connect(string? token)
    {
        var c = await ClassroomClient.Connect(App, token);
        _clients.Add(c);
        return c;
    }
}
