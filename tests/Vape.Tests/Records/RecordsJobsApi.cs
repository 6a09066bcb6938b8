using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Records;

/// <summary>The centre's long commands as jobs (ADR 0279): start one, read it, wait until it ends.</summary>
public sealed class RecordsJobsApi(VapeApp app)
{
    public const string Fields = "id kind status done total added startedBy startedAt finishedAt errorCode";

    public OrganizationApi Org { get; } = new(app);

    /// <summary>`rebuildRecordsCopy` or `backfillOwnStatements` as the login: the job it answers.</summary>
    public Task<GraphQLResponse> Start(string mutation, string? login, bool confirm = true) => Org.Mutate(mutation, new { confirm }, login, Fields);

    public async Task<GraphQLResponse> Job(string id, string? login = "central") =>
        await app.GraphQL($"query($id: ID!) {{ recordsJob(id: $id) {{ {Fields} }} }}", new { id }, login is null ? null : await Org.Token(login));

    public async Task<GraphQLResponse> Latest(string kind, string? login = "central") =>
        await app.GraphQL($"query($k: RecordsJobKind!) {{ latestRecordsJob(kind: $k) {{ {Fields} }} }}", new { k = kind }, login is null ? null : await Org.Token(login));

    /// <summary>Reads the job again until it is in one of these states (the job runs in the background); fails after three minutes.</summary>
    public async Task<JsonNode> Until(string id, params string[] states)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var read = await Job(id);
            read.HasErrors.ShouldBeFalse(read.Body);
            var job = read.Data["recordsJob"]!;
            if (states.Contains(job["status"]!.GetValue<string>())) return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the job stayed {job.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    /// <summary>Starts the job as the centre's chair and waits until it is done.</summary>
    public async Task<JsonNode> RunToDone(string mutation)
    {
        var started = await Start(mutation, "central");
        started.HasErrors.ShouldBeFalse(started.Body);
        var job = await Until(started.Data[mutation]!["id"]!.GetValue<string>(), "DONE", "FAILED");
        job["status"]!.GetValue<string>().ShouldBe("DONE", job.ToJsonString());
        return job;
    }
}
