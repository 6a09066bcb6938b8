using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Tests.Support;
using Wolverine;

namespace Vape.Tests.Records;

/// <summary>
/// A class's attendance that Records cannot write (its database away) is not lost: after its retries it waits in the
/// dead letters, which the centre lists (type, id, error; never content) and replays once the fault is fixed. The
/// replay reaches the record once; the log names the message by type and id, never its fields.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class DeadLetterTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_attendance_that_failed_waits_in_dead_letters_and_its_replay_after_the_fix_records_it_once()
    {
        var learner = await _api.PersonGuid("learner");
        var unit = Guid.Parse(await _api.Org.UnitId("T01-X001"));
        var attendance = RecordsApi.Attendance(learner, unit, title: "Lớp bơi an toàn mùa lũ");
        using var scope = app.Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();

        string id;
        await Sql("alter table records.person_keys rename to person_keys_away");
        try
        {
            // As the end of a class sends it: through the durable local queue Records listens on.
            await bus.PublishAsync(attendance);
            id = await Until(async () => (await Letters("central")).FirstOrDefault(l => l!["messageType"]!.GetValue<string>().Contains("RecordClassAttendance"))?["id"]
                ?.GetValue<string>());
        }
        finally
        {
            await Sql("alter table records.person_keys_away rename to person_keys");
        }
        (await Titles()).ShouldBeEmpty();

        var replayed = await app.GraphQL("mutation($ids: [ID!]!) { replayDeadLetters(input: { ids: $ids }) { replayed } }", new { ids = new[] { id } },
            await _api.Org.Token("central"));
        replayed.HasErrors.ShouldBeFalse(replayed.Body);
        replayed.Data["replayDeadLetters"]!["replayed"]!.GetValue<int>().ShouldBe(1);

        await Until(async () => (await Titles()).Count > 0 ? "recorded" : null);
        await bus.InvokeAsync(attendance);
        (await Titles()).ShouldBe(["Lớp bơi an toàn mùa lũ"]);
        await Until(async () => (await Letters("central")).Any(l => l!["id"]!.GetValue<string>() == id) ? null : "gone");

        var lines = app.Logs.Lines;
        lines.ShouldContain(l => l.Contains("RecordClassAttendance") && l.Contains(id));
        lines.ShouldNotContain(l => l.Contains("Lớp bơi an toàn mùa lũ"));
    }

    [Theory]
    [InlineData(null, "NOT_AUTHENTICATED")]
    [InlineData("learner", "NOT_ALLOWED")]
    [InlineData("province", "NOT_ALLOWED")]
    public async Task Only_the_centre_lists_or_replays_dead_letters(string? login, string code)
    {
        var token = login is null ? null : await _api.Org.Token(login);
        (await app.GraphQL("{ deadLetters { nodes { id } } }", token: token)).FirstErrorCode.ShouldBe(code);
        (await app.GraphQL("mutation { replayDeadLetters(input: { ids: [\"0190b5a4-0000-7000-8000-000000000000\"] }) { replayed } }", token: token)).FirstErrorCode.ShouldBe(code);
    }

    [Theory]
    [InlineData("{ deadLetters(first: 0) { nodes { id } } }", "INVALID_INPUT")]
    [InlineData("{ deadLetters(first: 101) { nodes { id } } }", "INVALID_INPUT")]
    [InlineData("mutation { replayDeadLetters(input: { ids: [] }) { replayed } }", "INVALID_INPUT")]
    [InlineData("mutation { replayDeadLetters(input: { ids: [\"không-phải-id\"] }) { replayed } }", "INVALID_INPUT")]
    [InlineData("mutation { replayDeadLetters(input: { ids: [\"0190b5a4-0000-7000-8000-000000000000\"] }) { replayed } }", "NOT_FOUND")]
    public async Task Bad_dead_letter_requests_are_refused_with_a_Vietnamese_message(string query, string code)
    {
        var response = await app.GraphQL(query, token: await _api.Org.Token("central"));
        response.FirstErrorCode.ShouldBe(code);
        response.FirstErrorMessage.ShouldNotBeNull().ShouldMatch("[àáảãạăâđèéêìíòóôơùúưỳý]");
    }

    private async Task<JsonArray> Letters(string login)
    {
        var response = await app.GraphQL("{ deadLetters(first: 100) { nodes { id messageType receivedAt exceptionType sentAt replayable } } }",
            token: await _api.Org.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["deadLetters"]!["nodes"]!.AsArray();
    }

    private async Task<List<string>> Titles() =>
        (await _api.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList();

    private async Task Sql(string sql)
    {
        await using var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Asks again until the answer is there (messages are handled in the background); fails after a minute.</summary>
    private static async Task<string> Until(Func<Task<string?>> ask)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            if (await ask() is { } answer) return answer;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the answer never came");
            await Task.Delay(100);
        }
    }
}
