using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.BuildingBlocks.Auth;

namespace Vape.Tests.Classes.Media;

/// <summary>
/// A live class for the media load: `count` new learners of Phường Ba Đình enrolled and in the room (the hub), its
/// teacher in the room too; their bearer tokens, and the hub connections that hold them there until disposed.
/// </summary>
public sealed record MediaLoadClass(string Session, string Teacher, List<string> Learners, List<ClassroomClient> Hubs) : IAsyncDisposable
{
    private const string Join = "mutation($i: JoinClassMediaInput!) { joinClassMedia(input: $i) { url room } }";

    public static async Task<MediaLoadClass> LiveAsync(MediaLoadApp load, int count, string title, string unitCode = "T01-X001", string login = "commune", object? extra = null)
    {
        var api = new ClassesApi(load.App);
        var c = await api.Schedule(title, unitCode: unitCode, login: login, capacity: Math.Max(30, count), extra: extra);
        var session = c["sessions"]![0]!["id"]!.GetValue<string>();
        var teacher = await api.Org.Token(login);
        var issuer = load.App.Host.Services.GetRequiredService<LocalTokenIssuer>();
        var people = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var cmd = load.App.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            insert into organization.people (id, full_name, home_unit_id, joined_on) select unnest(@p), 'Học viên', @u, current_date;
            insert into classes.enrolments (class_id, person_id, status, since) select @c, unnest(@p), 'ENROLLED', now();
            """))
        {
            cmd.Parameters.AddWithValue("u", Guid.Parse(await api.Org.UnitId("T01-X001")));
            cmd.Parameters.AddWithValue("c", Guid.Parse(ClassesApi.Id(c)));
            cmd.Parameters.AddWithValue("p", people);
            await cmd.ExecuteNonQueryAsync();
        }
        var hubs = new List<ClassroomClient> { await ClassroomClient.Connect(load.App, teacher) };
        await hubs[0].Join(session);
        var learners = new List<string>();
        foreach (var person in people)
        {
            var token = issuer.Issue(new LoginIdentity(person, "hoc-vien", "Học viên"), TimeSpan.FromHours(1));
            var hub = await ClassroomClient.Connect(load.App, token);
            hubs.Add(hub);
            await hub.Join(session);
            learners.Add(token);
        }
        return new(session, teacher, learners, hubs);
    }

    /// <summary>The class's room opened by its teacher before the run (placed on the least loaded node): the node's public URL.</summary>
    public async Task<string> OpenRoomAsync(MediaLoadApp load)
    {
        var joined = await load.App.GraphQL(Join, new { i = new { sessionId = Session } }, Teacher);
        joined.HasErrors.ShouldBeFalse(joined.Body);
        return joined.Data["joinClassMedia"]!["url"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in Hubs) await hub.DisposeAsync();
    }
}
