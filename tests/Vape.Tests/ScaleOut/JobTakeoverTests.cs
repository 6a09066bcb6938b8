using System.Text.Json.Nodes;
using Npgsql;
using Xunit.Abstractions;

namespace Vape.Tests.ScaleOut;

/// <summary>
/// The centre's rebuild of Records' copy runs as a job (ADR 0279): the host that took it is killed (kill -9) while it
/// runs, and the other host takes it once its lease ran out and finishes it; the copy holds what Organization has.
/// </summary>
[Collection(TopologyCollection.Name)]
[Trait("Category", "Topology")]
public sealed class JobTakeoverTests(Topology topology, ITestOutputHelper output)
{
    private const string Job = "query($id: ID!) { recordsJob(id: $id) { status done total errorCode } }";

    [Fact]
    public async Task A_rebuild_whose_host_is_killed_mid_way_is_finished_by_the_other_host()
    {
        var client = topology.Client;
        var central = await client.Token("central");
        var db = await topology.OpenDatabaseAsync();
        await using var _ = db;
        // The copy's lock held, as an Organization event being applied holds it: the job is taken and waits on it.
        var hold = await db.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended('records:copy-of-the-tree', 0))", db, hold))
            await take.ExecuteNonQueryAsync();

        var started = await client.UntilAnswered("mutation { rebuildRecordsCopy(input: { confirm: true }) { id status } }", new { }, central);
        started["errors"].ShouldBeNull(started.ToJsonString());
        var id = started["data"]!["rebuildRecordsCopy"]!["id"]!.GetValue<string>();
        var first = await Holder(id, null);
        var index = HostOf(first);
        output.WriteLine($"the job was taken by host {index + 1} ({first})");

        await topology.Stop(index, "KILL");
        var second = await Holder(id, first);
        output.WriteLine($"after its lease ran out, {second} took it");
        await hold.RollbackAsync();

        var job = await Until(id, "DONE", "FAILED");
        job["status"]!.GetValue<string>().ShouldBe("DONE", job.ToJsonString());
        await using (var rows = new NpgsqlCommand("select (select count(*) from records.unit_paths) + (select count(*) from records.memberships)", db))
            ((long)(await rows.ExecuteScalarAsync())!).ShouldBe(job["done"]!.GetValue<long>());
        job["done"]!.GetValue<long>().ShouldBe(job["total"]!.GetValue<long>());
        await using (var attempts = new NpgsqlCommand("select attempts from records.jobs where id = @id", db))
        {
            attempts.Parameters.AddWithValue("id", Guid.Parse(id));
            ((int)(await attempts.ExecuteScalarAsync())!).ShouldBe(2);
        }
        await topology.Script("start"); // the killed host comes back
    }

    /// <summary>The host (machine/process) that holds the running job, once it is another than `other`.</summary>
    private async Task<string> Holder(string id, string? other)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        await using var db = await topology.OpenDatabaseAsync();
        while (true)
        {
            await using var read = new NpgsqlCommand("select held_by from records.jobs where id = @id and status = 'Running'", db);
            read.Parameters.AddWithValue("id", Guid.Parse(id));
            if (await read.ExecuteScalarAsync() is string host && host != other) return host;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("no host took the job");
            await Task.Delay(200);
        }
    }

    private int HostOf(string holder)
    {
        var pid = holder.Split('/')[^1];
        for (var i = 0; i < topology.HostPorts.Length; i++)
            if (File.ReadAllText(Path.Combine(topology.Directory, $"host-{i + 1}.pid")).Trim() == pid) return i;
        throw new InvalidOperationException($"{holder} is none of the topology's hosts");
    }

    private async Task<JsonNode> Until(string id, params string[] states)
    {
        var central = await topology.Client.Token("central");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var answer = await topology.Client.UntilAnswered(Job, new { id }, central);
            answer["errors"].ShouldBeNull(answer.ToJsonString());
            var job = answer["data"]!["recordsJob"]!;
            if (states.Contains(job["status"]!.GetValue<string>())) return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the job stayed {job.ToJsonString()}");
            await Task.Delay(500);
        }
    }
}
